package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Wording;

/** Writes reports in every format; thread-safe. */
public final class ReportWriter {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ReportWriter() {
    }

    /** The shared JSON mapper (compact), for callers writing batch records. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The shared YAML mapper. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** One report, complete, ending with a newline; {@code words} in the report's language. */
    public static String write(Report report, FactsDocument facts, ReportFormat format, Wording words) {
        try {
            return switch (format) {
                case TEXT -> TextReport.render(report, words);
                case MARKDOWN -> MarkdownReport.render(report, facts, words);
                case JSON -> JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
                case JSONL -> JSON.writeValueAsString(report) + "\n";
                case YAML -> YAML.writeValueAsString(report);
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

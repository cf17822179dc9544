package org.exdiag.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the YAML files support engineers edit (expected values, reply patterns, knowledge base,
 * scenarios): strict about unknown fields, bounded like facts files, and every failure reported
 * as a {@link Problem} with file and line.
 */
public final class ConfigYaml {
    private static final int MAX_FILE_BYTES = 4 << 20;
    private static final ObjectMapper MAPPER = build();

    private ConfigYaml() {
    }

    private static ObjectMapper build() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(MAX_FILE_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return YAMLMapper.builder(factory)
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The mapper, for callers that convert parts of a file (e.g. a facts document inside a scenario). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The file as a tree, for values read by path (the knowledge base names expected values so). */
    public static com.fasterxml.jackson.databind.JsonNode tree(Path file, String shownName) throws LoadException {
        return read(file, shownName, com.fasterxml.jackson.databind.JsonNode.class);
    }

    public static <T> T read(Path file, String shownName, Class<T> type) throws LoadException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new LoadException(List.of(new Problem(shownName, 0, "file larger than " + MAX_FILE_BYTES + " bytes")));
            }
            T value = MAPPER.readValue(Files.readAllBytes(file), type);
            if (value == null) {
                throw new LoadException(List.of(new Problem(shownName, 0, "file is empty")));
            }
            return value;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? " (at " + org.exdiag.facts.FactsReader.path(m) + ")" : "";
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new LoadException(List.of(new Problem(shownName, line, message + where)));
        } catch (IOException | RuntimeException e) {
            throw new LoadException(List.of(new Problem(shownName, 0, "cannot read: " + e.getMessage())));
        }
    }
}

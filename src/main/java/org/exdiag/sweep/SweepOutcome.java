package org.exdiag.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exdiag.facts.FactsDocument;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWriter;

/**
 * What came of one line of a sweep: a checked domain with its report and the facts it was made from, or
 * an error naming the line ({@code FILE:LINE}) and what is wrong with it.
 */
public record SweepOutcome(String source, String domain, FactsDocument facts, Report report, String error) {
    static SweepOutcome checked(String source, String domain, FactsDocument facts, Report report) {
        return new SweepOutcome(source, domain, facts, report, null);
    }

    static SweepOutcome failed(String source, String domain, String error) {
        return new SweepOutcome(source, domain, null, null, error);
    }

    public boolean failed() {
        return report == null;
    }

    /** Checked, but some part could not be (a lookup timed out or failed): the report says which. */
    public boolean incomplete() {
        return report != null && !report.couldNotCheck().isEmpty();
    }

    /**
     * The record: {@code {"domain", "report", "facts"}}, or {@code {"source", "domain"?, "error": {"message"}}}.
     * The domain comes first: a resumed sweep reads it back from the start of each line ({@link DoneDomains}).
     */
    public String jsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        if (failed()) {
            line.put("source", source);
            if (domain != null) {
                line.put("domain", domain);
            }
            line.put("error", Map.of("message", error));
        } else {
            line.put("domain", domain);
            line.put("report", report);
            line.put("facts", facts);
        }
        try {
            return ReportWriter.json().writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

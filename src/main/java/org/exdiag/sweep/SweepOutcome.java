package org.exdiag.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exdiag.facts.FactsDocument;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWriter;
import org.exdiag.report.Verdict;

/**
 * What came of one line of a sweep: its JSON line, written as soon as the domain is checked, and what the
 * summary counts. The report and facts themselves are not kept: thousands of outcomes wait at once for
 * a slow domain ahead of them to be written, and a line is a tenth of the objects it was written from.
 *
 * @param domain        the domain checked, or null for a line that named none
 * @param verdict       null for a line that could not be checked at all (a bad line)
 * @param incomplete    some part could not be checked (a lookup timed out or failed): the report says which
 * @param error         why the line gave no report, or null
 */
public record SweepOutcome(String source, String domain, Verdict verdict, List<String> rootCauses, boolean incomplete,
                           String error, String jsonLine) {
    /** A checked domain: {@code {"domain", "report", "facts"}}. The domain comes first: {@link DoneDomains} reads it back. */
    static SweepOutcome checked(String source, String domain, FactsDocument facts, Report report) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("domain", domain);
        line.put("report", report);
        line.put("facts", facts);
        return new SweepOutcome(source, domain, report.verdict(), report.rootCauses(), !report.couldNotCheck().isEmpty(), null,
                json(line));
    }

    /** A line that gave no report: {@code {"source": "FILE:LINE", "domain"?, "error": {"message"}}}. */
    static SweepOutcome failed(String source, String domain, String error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", source);
        if (domain != null) {
            line.put("domain", domain);
        }
        line.put("error", Map.of("message", error));
        return new SweepOutcome(source, domain, null, List.of(), false, error, json(line));
    }

    public boolean failed() {
        return error != null;
    }

    private static String json(Map<String, Object> line) {
        try {
            return ReportWriter.json().writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

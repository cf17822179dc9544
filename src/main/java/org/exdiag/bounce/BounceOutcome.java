package org.exdiag.bounce;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exdiag.facts.FactsDocument;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWriter;

/**
 * What came of one message: a report (with the facts it was made from), an error saying why the message
 * could not be read, or "not a bounce" (an auto-reply, a notice of delivery or delay) with why.
 */
public record BounceOutcome(String source, FactsDocument facts, Report report, String error, String skipped) {
    /** The words batch records use for a message that is no bounce. */
    public static final String NOT_A_BOUNCE = "not a bounce";

    static BounceOutcome report(String source, FactsDocument facts, Report report) {
        return new BounceOutcome(source, facts, report, null, null);
    }

    static BounceOutcome error(String source, String message) {
        return new BounceOutcome(source, null, null, message, null);
    }

    static BounceOutcome skipped(String source, String why) {
        return new BounceOutcome(source, null, null, null, why);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean isSkipped() {
        return skipped != null;
    }

    /**
     * One JSON line of a batch: {@code {"source", "report"}}, {@code {"source", "error": {"message"}}} or
     * {@code {"source", "skipped": "not a bounce"}}.
     */
    public String jsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", source);
        if (failed()) {
            line.put("error", Map.of("message", error));
        } else if (isSkipped()) {
            line.put("skipped", NOT_A_BOUNCE);
        } else {
            line.put("report", report);
        }
        try {
            return ReportWriter.json().writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

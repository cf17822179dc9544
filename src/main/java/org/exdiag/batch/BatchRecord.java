package org.exdiag.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exdiag.report.ReportWriter;

/** One JSON line of a batch: {@code {"source":...,"report":{...}}} or {@code {"source":...,"error":{...}}}. */
public final class BatchRecord {
    private BatchRecord() {
    }

    public static String of(Outcome o) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", o.source());
        if (o.failed()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", o.errorMessage());
            error.put("field", o.errorField());
            line.put("error", error);
        } else {
            line.put("report", o.report());
        }
        try {
            return ReportWriter.json().writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

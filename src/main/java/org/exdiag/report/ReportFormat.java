package org.exdiag.report;

import java.util.Locale;

/** The ways a report is written. */
public enum ReportFormat {
    TEXT, JSON, YAML, JSONL, MARKDOWN;

    public static ReportFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

package org.exdiag.facts;

import java.util.Locale;
import java.util.Optional;

/** The syntaxes a facts document comes in; JSON lines is a file of JSON documents, one a line. */
public enum FactsFormat {
    JSON, YAML, JSON_LINES;

    /** By file name ending; empty when the name says nothing we read. */
    public static Optional<FactsFormat> forFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }
}

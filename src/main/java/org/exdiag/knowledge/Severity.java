package org.exdiag.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How bad a warning is, set per code in the knowledge base (as Zonemaster profiles do), not in rules.
 * {@code notice} is for "could not check" findings: they make a report incomplete, not failing.
 */
public enum Severity {
    ERROR, WARNING, NOTICE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Counts as a problem in the verdict. */
    public boolean isProblem() {
        return this != NOTICE;
    }
}

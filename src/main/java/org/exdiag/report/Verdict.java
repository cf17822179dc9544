package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** The one-word answer: healthy (no warning), problems, or incomplete (only "could not check" findings). */
public enum Verdict {
    HEALTHY, PROBLEMS, INCOMPLETE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

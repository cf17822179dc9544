package org.exdiag.rules;

import java.time.Instant;

/** Wording helpers for evidence, so that DRL consequences stay one line. */
public final class Text {
    private Text() {
    }

    /** Which of two observations is newer, in words. */
    public static String newer(Instant provider, Instant probes) {
        if (provider == null) {
            return "the provider's check has no date";
        }
        int cmp = provider.compareTo(probes);
        if (cmp == 0) {
            return "both are from " + probes;
        }
        return cmp < 0 ? "the probes (" + probes + ") are newer than the provider's check (" + provider + ")"
                : "the provider's check (" + provider + ") is newer than the probes (" + probes + ")";
    }
}

package org.exdiag.sweep;

/**
 * One line of a sweep's input, named {@code FILE:LINE}: a domain to check, or why the line is not one.
 */
public record SweepItem(String source, SweepTarget target, String error) {
    static SweepItem of(String source, SweepTarget target) {
        return new SweepItem(source, target, null);
    }

    static SweepItem bad(String source, String error) {
        return new SweepItem(source, null, error);
    }
}

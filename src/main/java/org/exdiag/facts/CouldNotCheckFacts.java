package org.exdiag.facts;

/**
 * A part that a probe or the provider's API could not give (facts v2), e.g. {@code account} with the
 * API's error. A section listed here is absent or partial.
 */
public record CouldNotCheckFacts(String part, String reason) {
    public CouldNotCheckFacts {
        Checks.required("part", part);
        Checks.required("reason", reason);
    }
}

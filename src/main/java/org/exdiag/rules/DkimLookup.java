package org.exdiag.rules;

/** DKIM was probed: {@code count} selectors are known (from the provider's API, or given); 0 when the provider lists none. */
public record DkimLookup(int count) {
}

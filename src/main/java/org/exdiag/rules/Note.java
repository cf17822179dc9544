package org.exdiag.rules;

/**
 * Extra evidence attached to a warning that does not by itself raise it, e.g. the provider's
 * diagnosis disagreeing with the probes.
 */
public record Note(String code, String text) {
}

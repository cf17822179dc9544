package org.exdiag.rules;

import java.util.Map;

/**
 * Extra evidence attached to a warning that does not by itself raise it, e.g. the provider's
 * diagnosis disagreeing with the probes: a message tag and its values, as a finding's.
 */
public record Note(String code, String tag, Map<String, Object> args) {
}

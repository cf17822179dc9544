package org.exdiag.rules;

import java.util.List;

/**
 * One SPF record as published, read by RFC 7208's grammar.
 *
 * @param includes     the domains of its include mechanisms, normalized
 * @param all          the qualifier of its "all" mechanism (+, -, ~, ?), or null when it has none
 * @param redirect     its redirect modifier's domain, or null
 * @param syntaxError  what is not SPF in it, or null
 */
public record SpfRecord(String raw, List<String> includes, String all, String redirect, String syntaxError) {
}

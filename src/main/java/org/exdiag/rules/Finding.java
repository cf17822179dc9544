package org.exdiag.rules;

/**
 * One piece of evidence for a warning code. Each rule that raises a warning inserts one; the warning
 * exists while at least one finding for its code does.
 *
 * @param source probe, account or provider: who saw it
 */
public record Finding(String code, String source, String rule, String evidence) {
}

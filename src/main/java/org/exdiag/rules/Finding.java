package org.exdiag.rules;

import java.util.Map;

/**
 * One piece of evidence for a warning code: a message tag and its named values. Each rule that raises
 * a warning inserts one; the warning exists while at least one finding for its code does.
 *
 * @param source probe, account or provider: who saw it
 * @param rule   the rule that raised it
 */
public record Finding(String code, String source, String rule, String tag, Map<String, Object> args) {
}

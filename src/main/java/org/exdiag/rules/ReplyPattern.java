package org.exdiag.rules;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of smtp-replies.yaml: which replies mean {@code category}. Every part given must match;
 * a part left out matches anything. The first matching pattern (lowest order) classifies the reply.
 *
 * @param stages   stages the reply must answer, empty for any
 * @param code     pattern on the three-digit code (x stands for any digit in the file)
 * @param enhanced pattern on the RFC 3463 code, the whole of it
 * @param text     pattern found anywhere in the text (case-insensitive)
 */
public record ReplyPattern(int order, String name, String category, Set<String> stages, Pattern code,
                           Pattern enhanced, Pattern text) {

    public boolean matches(Reply reply) {
        return (stages.isEmpty() || stages.contains(reply.stage()))
                && (code == null || code.matcher(Integer.toString(reply.code())).matches())
                && (enhanced == null || reply.enhancedCode() != null && enhanced.matcher(reply.enhancedCode()).matches())
                && (text == null || text.matcher(reply.text()).find());
    }
}

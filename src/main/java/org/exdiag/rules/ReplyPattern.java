package org.exdiag.rules;

import java.util.BitSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of smtp-replies.yaml: which replies mean {@code category}. Every part given must match;
 * a part left out matches anything. The first matching pattern (lowest order) classifies the reply.
 *
 * @param stages   stages the reply must answer, empty for any
 * @param codes    the reply codes the file's code pattern accepts (x stands for any digit there), null
 *                 for any: a table, since testing a pattern per reply and pattern was measurable
 * @param enhanced pattern on the RFC 3463 code, the whole of it
 * @param text     pattern found anywhere in the text (case-insensitive)
 */
public record ReplyPattern(int order, String name, String category, Set<String> stages, BitSet codes,
                           Pattern enhanced, Pattern text) {

    /** The codes 0-999 whose decimal form matches {@code pattern} as a whole. */
    public static BitSet codesMatching(Pattern pattern) {
        BitSet codes = new BitSet(1000);
        for (int code = 0; code < 1000; code++) {
            codes.set(code, pattern.matcher(Integer.toString(code)).matches());
        }
        return codes;
    }

    public boolean matches(Reply reply) {
        return (stages.isEmpty() || stages.contains(reply.stage()))
                && (codes == null || codes.get(reply.code()))
                && (enhanced == null || reply.enhancedCode() != null && enhanced.matcher(reply.enhancedCode()).matches())
                && (text == null || text.matcher(reply.text()).find());
    }
}

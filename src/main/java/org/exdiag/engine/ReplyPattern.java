package org.exdiag.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.exdiag.rules.Reply;

/**
 * One entry of smtp-replies.yaml: which replies mean {@code category}. Every part given must match;
 * a part left out matches anything. The first matching pattern (lowest order) classifies the reply.
 *
 * @param placements   where the reply must have been heard (submission, inbound, direct, bounce), empty for anywhere
 * @param stages       stages the reply must answer, empty for any
 * @param codes        the reply codes the file's code pattern accepts (x stands for any digit there), null
 *                     for any: a table, since testing a pattern per reply and pattern was measurable
 * @param enhanced     pattern on the RFC 3463 code, the whole of it
 * @param text         pattern found anywhere in the text (case-insensitive)
 * @param textLiterals see {@link #literalsOf(String)}; null when the text pattern has none to offer
 */
public record ReplyPattern(int order, String name, String category, Set<String> placements, Set<String> stages,
                           BitSet codes, Pattern enhanced, Pattern text, String[] textLiterals) {

    /** A pattern whose text literals are those of its text expression, as the loader builds them. */
    public ReplyPattern(int order, String name, String category, Set<String> placements, Set<String> stages, BitSet codes,
                        Pattern enhanced, Pattern text) {
        this(order, name, category, placements, stages, codes, enhanced, text, text == null ? null : literalsOf(text.pattern()));
    }

    /** The codes 0-999 whose decimal form matches {@code pattern} as a whole. */
    public static BitSet codesMatching(Pattern pattern) {
        BitSet codes = new BitSet(1000);
        for (int code = 0; code < 1000; code++) {
            codes.set(code, pattern.matcher(Integer.toString(code)).matches());
        }
        return codes;
    }

    public boolean matches(Reply reply) {
        return (placements.isEmpty() || placements.contains(reply.placement()))
                && (stages.isEmpty() || reply.stage() != null && stages.contains(reply.stage()))
                && (codes == null || codes.get(reply.code()))
                && (enhanced == null || reply.enhancedCode() != null && enhanced.matcher(reply.enhancedCode()).matches())
                && (text == null || mayContain(reply.text()) && text.matcher(reply.text()).find());
    }

    /**
     * False only when the text cannot match: it is ASCII and holds none of the literals one of which
     * every match begins with. Case-insensitive matching of an ASCII text against ASCII letters is
     * plain ASCII case folding, so this is exact; it spares the regular expression, which tries every
     * alternative at every position (4 us for three patterns on a 40-character reply, a sixth of an
     * analysis).
     */
    private boolean mayContain(String text) {
        if (textLiterals == null) {
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                return true;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String literal : textLiterals) {
            if (lower.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The literal each top-level alternative of {@code regex} begins with, lower-cased, when every
     * alternative begins with one made of ASCII letters, digits and spaces (after an optional
     * {@code \b}); null otherwise, and for anything this simple reading is not sure of. A character
     * followed by a quantifier is not part of the literal.
     */
    public static String[] literalsOf(String regex) {
        List<String> literals = new ArrayList<>();
        for (String alternative : topLevelAlternatives(regex)) {
            String rest = alternative.startsWith("\\b") ? alternative.substring(2) : alternative;
            int end = 0;
            while (end < rest.length() && isPlain(rest.charAt(end))) {
                end++;
            }
            if (end < rest.length() && "?*{+".indexOf(rest.charAt(end)) >= 0) {
                end--; // the quantifier makes the last character optional or repeated
            }
            if (end < 1) {
                return null;
            }
            literals.add(rest.substring(0, end).toLowerCase(Locale.ROOT));
        }
        return literals.isEmpty() ? null : literals.toArray(String[]::new);
    }

    private static boolean isPlain(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == ' ');
    }

    /** {@code regex} split at its top-level bars; empty when it holds anything that makes splitting unsure. */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length() && "QExuN0pPc".indexOf(regex.charAt(i + 1)) >= 0) {
                    return List.of(); // quoting, or escapes naming any character: leave such patterns alone
                }
                i++;
            } else if (c == '[') {
                return List.of(); // character classes may hold bars and parentheses: leave them alone
            } else if (c == '(') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '?' && (i + 2 >= regex.length() || regex.charAt(i + 2) != ':')) {
                    return List.of(); // inline flags ((?x) changes what a space means) and lookarounds
                }
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            return List.of();
        }
        parts.add(regex.substring(start));
        return parts;
    }
}

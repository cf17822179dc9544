package org.exdiag.replies;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
 * @param textLiterals see {@link #literalsOf(String)}: for each top-level alternative of the text pattern,
 *                     literals one of which every match of it contains; null when it has none to offer
 */
public record ReplyPattern(int order, String name, String category, Set<String> placements, Set<String> stages,
                           BitSet codes, Pattern enhanced, Pattern text, String[][] textLiterals) {

    /** A pattern whose text literals are those of its text expression, as the loader builds them. */
    public ReplyPattern(int order, String name, String category, Set<String> placements, Set<String> stages, BitSet codes,
                        Pattern enhanced, Pattern text) {
        this(order, name, category, placements, stages, codes, enhanced, text, text == null ? null : literalsOf(text.pattern()));
    }

    /** "0" to "999": the texts a code pattern is tried on, built once. */
    private static final String[] CODE_TEXTS = IntStream.range(0, 1000).mapToObj(Integer::toString).toArray(String[]::new);

    /**
     * The codes 0-999 whose decimal form matches {@code pattern} as a whole. One matcher is reset for
     * each code rather than a matcher and a string made for it: at start-up, before any of this is
     * compiled, the made ones were 15 % of the Java code a one-document analyze runs (JFR, 34 patterns).
     */
    public static BitSet codesMatching(Pattern pattern) {
        BitSet codes = new BitSet(1000);
        Matcher matcher = pattern.matcher("");
        for (int code = 0; code < 1000; code++) {
            if (matcher.reset(CODE_TEXTS[code]).matches()) {
                codes.set(code);
            }
        }
        return codes;
    }

    public boolean matches(Reply reply) {
        return (placements.isEmpty() || placements.contains(reply.placement()))
                && (stages.isEmpty() || reply.stage() != null && stages.contains(reply.stage()))
                && (codes == null || codes.get(reply.code()))
                && matchesCodeAndText(reply, mayContain(reply.text()));
    }

    /**
     * The enhanced code and the text, the rest being known to match: what {@link ReplyIndex} leaves to
     * each candidate. {@code literalFound}: whether one of the text's required literals is in the reply
     * (false spares the regular expression, which could not match).
     */
    boolean matchesCodeAndText(Reply reply, boolean literalFound) {
        return matchesEnhanced(reply) && matchesText(reply, literalFound);
    }

    /** The text alone, the rest being known to match (the enhanced code too: {@link ReplyIndex} keys on it). */
    boolean matchesText(Reply reply, boolean literalFound) {
        return text == null || literalFound && text.matcher(reply.text()).find();
    }

    boolean matchesEnhanced(Reply reply) {
        return enhanced == null || reply.enhancedCode() != null && enhanced.matcher(reply.enhancedCode()).matches();
    }

    /**
     * False only when the text cannot match: it is ASCII and holds none of the literals one of which
     * every match contains. Case-insensitive matching of an ASCII text against ASCII characters is
     * plain ASCII case folding, so this is exact; it spares the regular expression, which tries every
     * alternative at every position. (A text with other characters is always tried: Unicode case
     * folding matches "K" with the Kelvin sign, "s" with the long s.)
     */
    boolean mayContain(String text) {
        if (textLiterals == null) {
            return true;
        }
        if (!isAscii(text)) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String[] anyOf : textLiterals) {
            for (String literal : anyOf) {
                if (lower.contains(literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isAscii(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each top-level alternative of {@code regex}, literals (lower-cased ASCII) one of which every match
     * of that alternative contains: the longest run of plain characters it requires, or the alternatives
     * of a group it requires, whichever set has the longest shortest member (so that
     * {@code (account|user) is (disabled|suspended)} gives {disabled, suspended}, not the space). Null when
     * some alternative offers none, and for anything this simple reading is not sure of (inline flags,
     * lookarounds, quoting, escapes that name characters, nested classes). Groups, classes, "." and
     * quantified characters end a run; zero-width {@code \b} does not. A text holding none of an
     * alternative's literals cannot match that alternative.
     */
    public static String[][] literalsOf(String regex) {
        List<String> alternatives = topLevelAlternatives(regex);
        if (alternatives == null) {
            return null;
        }
        List<String[]> literals = new ArrayList<>();
        for (String alternative : alternatives) {
            List<String> anyOf = requiredLiterals(alternative);
            if (anyOf == null) {
                return null;
            }
            literals.add(anyOf.toArray(String[]::new));
        }
        return literals.isEmpty() ? null : literals.toArray(String[][]::new);
    }

    /** The best set of literals one of which every match of {@code alt} contains, or null. */
    private static List<String> requiredLiterals(String alt) {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        int n = alt.length();
        int i = 0;
        while (i < n) {
            char c = alt.charAt(i);
            int next;
            char literal;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char d = alt.charAt(i + 1);
                if (d == 'b' || d == 'B') {
                    i += 2; // zero width: the characters around it stay side by side in the text
                    continue;
                }
                if ("dDsSwWhHvVRXAzZG".indexOf(d) >= 0) {
                    best = better(best, run);
                    run.setLength(0);
                    i = skipQuantifier(alt, i + 2);
                    continue;
                }
                if (d >= 0x80 || Character.isLetterOrDigit(d)) {
                    return null; // quoting, hexadecimal and Unicode escapes, control characters, back references
                }
                literal = d;
                next = i + 2;
            } else if (c == '(') {
                if (isLookaround(alt, i)) {
                    // Zero width, like \b: the characters on either side stay side by side in the text.
                    // What it looks at is not required (a negative one requires its absence).
                    int close = closing(alt, i);
                    if (close < 0) {
                        return null;
                    }
                    i = skipQuantifier(alt, close + 1);
                    continue;
                }
                if (i + 1 < n && alt.charAt(i + 1) == '?' && (i + 2 >= n || alt.charAt(i + 2) != ':')) {
                    return null; // inline flags ((?x) changes what a space means) and named groups
                }
                int close = closing(alt, i);
                if (close < 0) {
                    return null;
                }
                best = better(best, run);
                run.setLength(0);
                int after = skipQuantifier(alt, close + 1);
                if (after == close + 1 || mandatoryQuantifier(alt, close + 1)) {
                    // A group every match goes through: any of its alternatives' literals will be there.
                    int from = alt.startsWith("?:", i + 1) ? i + 3 : i + 1;
                    best = better(best, groupLiterals(alt.substring(from, close))); // none: it only ends the run
                }
                i = after;
                continue;
            } else if (c == '[') {
                int close = classEnd(alt, i);
                if (close < 0) {
                    return null;
                }
                best = better(best, run);
                run.setLength(0);
                i = skipQuantifier(alt, close + 1);
                continue;
            } else if (c == '.' || c == '^' || c == '$') {
                best = better(best, run);
                run.setLength(0);
                i = skipQuantifier(alt, i + 1);
                continue;
            } else if ("?*+{}|)]".indexOf(c) >= 0) {
                return null;
            } else {
                literal = c;
                next = i + 1;
            }
            if (literal >= 0x80) {
                best = better(best, run);
                run.setLength(0);
                i = skipQuantifier(alt, next);
                continue;
            }
            char q = next < n ? alt.charAt(next) : 0;
            if (q == '?' || q == '*' || q == '{' && !mandatoryRepeat(alt, next)) {
                best = better(best, run); // an optional character: the run ends before it
                run.setLength(0);
            } else if (q == '+' || q == '{') {
                run.append(literal); // at least once: the run ends after it
                best = better(best, run);
                run.setLength(0);
            } else {
                run.append(literal);
            }
            i = skipQuantifier(alt, next);
        }
        best = better(best, run);
        return best == null ? null : best.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Whether a lookahead or lookbehind ({@code (?=}, {@code (?!}, {@code (?<=}, {@code (?<!}) opens at {@code at}. */
    private static boolean isLookaround(String s, int at) {
        return s.startsWith("(?=", at) || s.startsWith("(?!", at) || s.startsWith("(?<=", at) || s.startsWith("(?<!", at);
    }

    /**
     * The same expression with ASCII case folding instead of Unicode's, when the two cannot differ on an
     * ASCII text: the expression is ASCII and names no character by an escape (a {@code \u212A} Kelvin
     * sign would match "k" under Unicode folding only). Java's Unicode folding works out both cases of
     * every character it compares; on long bounces with many alternatives it was a third of the
     * expressions' time. Otherwise {@code pattern} itself.
     */
    static Pattern forAsciiText(Pattern pattern) {
        int flags = pattern.flags();
        if ((flags & Pattern.UNICODE_CASE) == 0 || (flags & Pattern.CASE_INSENSITIVE) == 0) {
            return pattern;
        }
        String source = pattern.pattern();
        if (!isAscii(source)) {
            return pattern;
        }
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                if ("uxNpP0c".indexOf(source.charAt(i + 1)) >= 0) {
                    return pattern; // characters by number or name, properties, control characters
                }
                i++;
            }
        }
        return Pattern.compile(source, flags & ~Pattern.UNICODE_CASE);
    }

    /** The union of the literal sets of a group's alternatives, or null when one of them has none. */
    private static List<String> groupLiterals(String body) {
        List<String> alternatives = topLevelAlternatives(body);
        if (alternatives == null) {
            return null;
        }
        List<String> union = new ArrayList<>();
        for (String a : alternatives) {
            List<String> inner = requiredLiterals(a);
            if (inner == null) {
                return null;
            }
            union.addAll(inner);
        }
        return union;
    }

    private static List<String> better(List<String> best, StringBuilder run) {
        return run.length() == 0 ? best : better(best, List.of(run.toString()));
    }

    /** The set whose shortest literal is longer (a rarer one to find), then the smaller set. */
    private static List<String> better(List<String> best, List<String> candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        int b = shortest(best);
        int c = shortest(candidate);
        return c > b || c == b && candidate.size() < best.size() ? candidate : best;
    }

    private static int shortest(List<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    /** Whether the quantifier at {@code at} asks for one repetition at least ({@code +}, {@code {1,}}). */
    private static boolean mandatoryQuantifier(String s, int at) {
        return at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '{' && mandatoryRepeat(s, at));
    }

    /** Whether the {@code {n,m}} at {@code at} asks for one repetition at least. */
    private static boolean mandatoryRepeat(String s, int at) {
        int close = s.indexOf('}', at);
        if (close < 0) {
            return false;
        }
        String min = s.substring(at + 1, close).split(",", -1)[0].strip();
        return !min.isEmpty() && min.chars().allMatch(Character::isDigit) && Integer.parseInt(min) > 0;
    }

    /** The index after the quantifier (and its lazy or possessive mark) at {@code at}, if there is one. */
    private static int skipQuantifier(String s, int at) {
        if (at >= s.length()) {
            return at;
        }
        char q = s.charAt(at);
        int after;
        if (q == '?' || q == '*' || q == '+') {
            after = at + 1;
        } else if (q == '{') {
            int close = s.indexOf('}', at);
            after = close < 0 ? s.length() : close + 1;
        } else {
            return at;
        }
        if (after < s.length() && (s.charAt(after) == '?' || s.charAt(after) == '+')) {
            after++;
        }
        return after;
    }

    /** The index of the parenthesis closing the group opened at {@code open}, or -1. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the class opened at {@code open}; -1 for nested classes or none. */
    private static int classEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++; // a leading ] is a member
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1; // unions and intersections: leave them alone
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** {@code regex} split at its top-level bars; null when its groups or classes do not close. */
    static List<String> topLevelAlternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            return null;
        }
        parts.add(regex.substring(start));
        return parts;
    }
}

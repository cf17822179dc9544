package org.exdiag.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The macro-strings of SPF (RFC 7208 section 7.1): the domain-specs of mechanisms and modifiers, the
 * values of unknown modifiers, and the explanation text exp= points to. Parsed into literal text and
 * macros, so that the syntax is checked in one place and the evaluator expands what was checked.
 */
public final class SpfMacroString {
    /** s l o d i p h v: in every macro-string (7.3). */
    private static final String LETTERS = "slodiphv";
    /** c r t: in explanation text only (7.3). */
    private static final String EXPLANATION_LETTERS = "crt";
    private static final String DELIMITERS = ".-+,/_=";
    /** The parts a macro may keep: more than any name has labels, so that a bigger count changes nothing. */
    private static final int MAX_PARTS = 128;
    /**
     * toplabel: letters and digits with one letter at least, or letters, digits and inner dashes ("xn--zckzah");
     * never all numeric, so that "a:192.0.2.1" is an error and not a name.
     */
    private static final Pattern TOPLABEL = Pattern.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");

    private SpfMacroString() {
    }

    public sealed interface Piece permits Literal, Macro {
    }

    /** Text as it is; {@code escape}: it came from %%, %_ or %- (a macro-expand to the grammar, for domain-end). */
    public record Literal(String text, boolean escape) implements Piece {
    }

    /**
     * %{letter parts r delimiters}: {@code letter} lower case, {@code urlEscape} when it was written upper case
     * (7.3: the value is then URL-escaped), {@code parts} 0 for all of them.
     */
    public record Macro(char letter, boolean urlEscape, int parts, boolean reverse, String delimiters) implements Piece {
    }

    /**
     * The pieces of a macro-string; {@code explanation}: the text exp= points to, where spaces and the
     * letters c, r and t are allowed too. An IllegalArgumentException says what is wrong.
     */
    public static List<Piece> parse(String s, boolean explanation) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                if (c < 0x20 || c > 0x7e || c == ' ' && !explanation) {
                    throw new IllegalArgumentException("character " + describe(c) + " in \"" + s + "\"");
                }
                literal.append(c);
                continue;
            }
            flush(literal, pieces);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            switch (next) {
                case '%' -> pieces.add(new Literal("%", true));
                case '_' -> pieces.add(new Literal(" ", true));
                case '-' -> pieces.add(new Literal("%20", true));
                case '{' -> {
                    int end = s.indexOf('}', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed macro in \"" + s + "\"");
                    }
                    pieces.add(macro(s.substring(i + 2, end), explanation, s));
                    i = end - 1;
                }
                default -> throw new IllegalArgumentException("'%' not followed by '{', '%', '_' or '-' in \"" + s + "\"");
            }
            i++;
        }
        flush(literal, pieces);
        return pieces;
    }

    private static void flush(StringBuilder literal, List<Piece> pieces) {
        if (!literal.isEmpty()) {
            pieces.add(new Literal(literal.toString(), false));
            literal.setLength(0);
        }
    }

    private static Macro macro(String body, boolean explanation, String s) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty macro in \"" + s + "\"");
        }
        char written = body.charAt(0);
        char letter = Character.toLowerCase(written);
        if (LETTERS.indexOf(letter) < 0 && !(explanation && EXPLANATION_LETTERS.indexOf(letter) >= 0) || written > 0x7e) {
            throw new IllegalArgumentException("macro letter '" + written + "' " + (EXPLANATION_LETTERS.indexOf(letter) >= 0
                    ? "is for explanation text only" : "is unknown") + " in \"" + s + "\"");
        }
        int k = 1;
        long parts = 0;
        while (k < body.length() && body.charAt(k) >= '0' && body.charAt(k) <= '9') {
            parts = Math.min(parts * 10 + body.charAt(k) - '0', MAX_PARTS);
            k++;
        }
        if (k > 1 && parts == 0) {
            throw new IllegalArgumentException("macro keeping 0 parts in \"" + s + "\" (7.3: the count must be nonzero)");
        }
        boolean reverse = k < body.length() && (body.charAt(k) == 'r' || body.charAt(k) == 'R');
        String delimiters = body.substring(reverse ? k + 1 : k);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw new IllegalArgumentException("bad macro delimiter " + describe(d) + " in \"" + s + "\"");
            }
        }
        return new Macro(letter, Character.isUpperCase(written), (int) parts, reverse, delimiters);
    }

    /** True for a domain-spec (7.1): a macro-string ending in a macro or in "." and a toplabel. */
    public static boolean isDomainSpec(String s) {
        List<Piece> pieces;
        try {
            pieces = parse(s, false);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (pieces.isEmpty()) {
            return false;
        }
        if (!(pieces.get(pieces.size() - 1) instanceof Literal last) || last.escape()) {
            return true; // domain-end = macro-expand
        }
        String text = last.text().endsWith(".") ? last.text().substring(0, last.text().length() - 1) : last.text();
        int dot = text.lastIndexOf('.');
        return dot >= 0 && TOPLABEL.matcher(text.substring(dot + 1)).matches();
    }

    /** What {@link #isDomainSpec} refuses, said for a person, or null when it is one. */
    public static String domainSpecError(String s) {
        if (isDomainSpec(s)) {
            return null;
        }
        if (s.isEmpty()) {
            return "empty domain";
        }
        try {
            parse(s, false);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "\"" + s + "\" does not end in a macro or a top-level label (a name, not a number)";
    }

    static String describe(char c) {
        return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}

package org.exdiag.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the calls of {@code raise}, {@code note} and {@code explain} in a rule's consequence (Java
 * text) and splits their arguments at the top-level commas, skipping strings, characters and comments.
 * A string left open at the end of a line is reported: Java strings cannot span lines, and Drools
 * itself would fail on it without saying where.
 */
final class ConsequenceCalls {
    private static final List<String> NAMES = List.of("raise", "note", "explain");

    record Call(String name, List<String> arguments) {
    }

    interface Found {
        void call(Call call, int line);
    }

    interface Trouble {
        void at(int line, String message);
    }

    private ConsequenceCalls() {
    }

    static void find(String text, int firstLine, Found found, Trouble trouble) {
        walk(text, firstLine, (i, line) -> {
            char c = text.charAt(i);
            if (!Character.isJavaIdentifierStart(c)) {
                return i + 1;
            }
            int end = i;
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end);
            int open = skipSpaces(text, end);
            boolean member = i > 0 && text.charAt(i - 1) == '.' && !text.startsWith("Raise.", Math.max(0, i - 6));
            if (!NAMES.contains(word) || member || open >= text.length() || text.charAt(open) != '(') {
                return end;
            }
            List<String> args = new ArrayList<>();
            int close = arguments(text, open, args);
            if (close < 0) {
                trouble.at(line, word + "(: no closing parenthesis");
                return -1;
            }
            found.call(new Call(word, args), line);
            return close;
        }, (line, quote) -> trouble.at(line, "a " + (quote == '"' ? "string" : "character") + " is not closed on its line"));
    }

    /** The first line (1-based) of a DRL text where a string or character literal is left open, or 0. */
    static int unclosedStringLine(String text) {
        int[] unclosed = {0};
        walk(text, 1, (i, line) -> i + 1, (line, quote) -> unclosed[0] = line);
        return unclosed[0];
    }

    /** What the walk does at a position of code: the index to go on from, or -1 to stop. */
    private interface Step {
        int at(int index, int line);
    }

    private interface Unclosed {
        void at(int line, char quote);
    }

    /**
     * Walks DRL text past string and character literals and comments, handing every other position to
     * {@code step} with its line; stops at a literal left open on its line, telling {@code unclosed}.
     */
    private static void walk(String text, int firstLine, Step step, Unclosed unclosed) {
        int line = firstLine;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int next;
            if (c == '\n') {
                line++;
                i++;
                continue;
            } else if (c == '"' || c == '\'') {
                next = skipQuoted(text, i);
                if (next < 0) {
                    unclosed.at(line, c);
                    return;
                }
            } else if (text.startsWith("//", i)) {
                int nl = text.indexOf('\n', i);
                next = nl < 0 ? text.length() : nl;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                next = end < 0 ? text.length() : end + 2;
            } else {
                next = step.at(i, line);
                if (next < 0) {
                    return;
                }
            }
            line += count(text, i, next);
            i = next;
        }
    }

    /** Splits the arguments of the call whose '(' is at {@code open}; returns the index after ')', or -1. */
    private static int arguments(String text, int open, List<String> out) {
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipQuoted(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    String last = text.substring(start, i).strip();
                    if (!last.isEmpty() || !out.isEmpty()) {
                        out.add(last);
                    }
                    return i + 1;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        return -1;
    }

    /** The index after the closing quote of the literal starting at {@code i}; -1 when the line ends first. */
    private static int skipQuoted(String text, int i) {
        char quote = text.charAt(i);
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int count(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}

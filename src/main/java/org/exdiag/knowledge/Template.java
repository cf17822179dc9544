package org.exdiag.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text of the knowledge base with named places, parsed once: {@code "{domain} MX {host} (expected
 * {expected|or})"}.
 * <ul>
 * <li>{@code {name}} is a value the rule gave; {@code {name|filter}} passes it through a filter: {@code or}
 * or {@code and} join a list with the language's word, {@code size} shows bytes in GiB or MiB, any other
 * filter names a vocabulary of
 * {@code messages.yaml} that translates the value ({@code {status|lookup-status}}).</li>
 * <li>Names that start with {@code expected.} are values of the rules' {@code expected-values.yaml}
 * ({@code {expected.mx.exchange-only|or}}), so that a host is written in one place only.</li>
 * <li>{@code [...]} is shown only when every value it names is known: {@code "login refused[: {detail}]"}.</li>
 * <li>{@code {{}}, {@code {}}}, {@code {[}} and {@code {]}} write the character itself.</li>
 * </ul>
 */
public final class Template {
    static final String EXPECTED = "expected.";
    /** Compiled once: every place of every text of the knowledge base is checked at start-up. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern FILTER = Pattern.compile("[a-z][a-z0-9-]*");

    /** A literal run of text, a place (name, with its filter or null), or an optional group of parts. */
    record Part(String literal, String name, String filter, List<Part> group) {
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    public static Template parse(String text) {
        int[] at = {0};
        List<Part> parts = parts(text, at, false);
        return new Template(text, parts);
    }

    private static List<Part> parts(String text, int[] at, boolean inGroup) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (at[0] < text.length()) {
            int i = at[0];
            char c = text.charAt(i);
            if (c == '{' && i + 2 < text.length() && text.charAt(i + 2) == '}' && "{}[]".indexOf(text.charAt(i + 1)) >= 0) {
                literal.append(text.charAt(i + 1));
                at[0] += 3;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed { at character " + (i + 1));
                }
                String inside = text.substring(i + 1, end).strip();
                int bar = inside.indexOf('|');
                String name = (bar < 0 ? inside : inside.substring(0, bar)).strip();
                String filter = bar < 0 ? null : inside.substring(bar + 1).strip();
                if (!NAME.matcher(name).matches() || filter != null && !FILTER.matcher(filter).matches()) {
                    throw new IllegalArgumentException("bad place {" + inside + "} (expected {name} or {name|filter})");
                }
                flush(literal, parts);
                parts.add(new Part(null, name, filter, null));
                at[0] = end + 1;
            } else if (c == '[') {
                flush(literal, parts);
                at[0]++;
                parts.add(new Part(null, null, null, parts(text, at, true)));
            } else if (c == ']') {
                if (!inGroup) {
                    throw new IllegalArgumentException("] without [ at character " + (i + 1));
                }
                flush(literal, parts);
                at[0]++;
                return List.copyOf(parts);
            } else if (c == '}') {
                throw new IllegalArgumentException("} without { at character " + (i + 1));
            } else {
                literal.append(c);
                at[0]++;
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("unclosed [");
        }
        flush(literal, parts);
        return List.copyOf(parts);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, null, null));
            literal.setLength(0);
        }
    }

    /** The argument names the places use (not the {@code expected.} values). */
    public Set<String> argumentNames() {
        Set<String> names = new LinkedHashSet<>();
        visit(parts, p -> p.name() != null && !p.name().startsWith(EXPECTED), p -> names.add(p.name()));
        return names;
    }

    /** The {@code expected.} paths the places use, without the prefix. */
    public Set<String> expectedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        visit(parts, p -> p.name() != null && p.name().startsWith(EXPECTED), p -> paths.add(p.name().substring(EXPECTED.length())));
        return paths;
    }

    /** The vocabularies the filters name ({@code or} and {@code and} are not vocabularies). */
    public Set<String> vocabularies() {
        Set<String> names = new LinkedHashSet<>();
        visit(parts, p -> p.filter() != null && !Wording.BUILT_IN_FILTERS.contains(p.filter()), p -> names.add(p.filter()));
        return names;
    }

    private static void visit(List<Part> parts, java.util.function.Predicate<Part> which, java.util.function.Consumer<Part> action) {
        for (Part p : parts) {
            if (p.group() != null) {
                visit(p.group(), which, action);
            } else if (which.test(p)) {
                action.accept(p);
            }
        }
    }

    public String render(Map<String, ?> args, Wording wording) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        render(parts, args, wording, out);
        return out.toString();
    }

    private static void render(List<Part> parts, Map<String, ?> args, Wording wording, StringBuilder out) {
        for (Part p : parts) {
            if (p.literal() != null) {
                out.append(p.literal());
            } else if (p.group() != null) {
                if (allKnown(p.group(), args, wording)) {
                    render(p.group(), args, wording, out);
                }
            } else if (p.name().startsWith(EXPECTED)) {
                out.append(wording.show(wording.expected(p.name().substring(EXPECTED.length())), p.filter()));
            } else if (args.containsKey(p.name())) {
                out.append(wording.show(args.get(p.name()), p.filter()));
            } else {
                out.append('{').append(p.name()).append('}'); // rules check prevents this; never hide it
            }
        }
    }

    private static boolean allKnown(List<Part> parts, Map<String, ?> args, Wording wording) {
        for (Part p : parts) {
            if (p.group() != null ? !allKnown(p.group(), args, wording)
                    : p.name() != null && (p.name().startsWith(EXPECTED) ? wording.expected(p.name().substring(EXPECTED.length())) == null
                    : isNothing(args.get(p.name())))) {
                return false;
            }
        }
        return true;
    }

    /** Unknown, or an empty list: an optional group about it says nothing. */
    private static boolean isNothing(Object value) {
        return value == null || value instanceof java.util.Collection<?> c && c.isEmpty();
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}

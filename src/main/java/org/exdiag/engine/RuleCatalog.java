package org.exdiag.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.exdiag.config.Problem;

/**
 * What each rule of a folder says, read with Drools' own DRL parser: its file and line, and every
 * {@code raise}, {@code note} and {@code explain} of its consequence with the code, the message tag
 * and the names of the values it gives. The codes a folder raises are declared by those calls, whose
 * code and tag must be written as plain strings; {@code rules check} holds them against the knowledge
 * base (a template per tag and language, and no value a template uses that the rule does not give).
 * Serializable: kept with the compiled rules in the cache, so that a start needs no parse.
 */
public record RuleCatalog(List<RuleInfo> rules) implements Serializable {
    private static final Set<String> SOURCES = Set.of("probe", "account", "provider");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** One rule: where it is written, the line its consequence starts, what it emits. */
    public record RuleInfo(String name, String file, int line, int consequenceLine, List<Emission> emissions)
            implements Serializable {
    }

    public enum Kind { RAISE, NOTE, EXPLAIN }

    /**
     * One call of a consequence.
     *
     * @param code   the warning raised or noted; for explain, the cause
     * @param effect for explain, the warning explained; else null
     * @param tag    the message tag (raise, note); else null
     * @param names  the names of the values given with the tag
     */
    public record Emission(Kind kind, String code, String effect, String source, String tag, List<String> names, int line)
            implements Serializable {
    }

    /**
     * The same catalog with each rule's file named as in {@code files}, matched by file name. A cached
     * catalog keeps the names of the load that compiled it ("/tmp/x/rules/dns.drl" for "rules/dns.drl"):
     * the cache is keyed on the files' names and text, not on where the folder was.
     */
    public RuleCatalog namedAs(Collection<String> files) {
        Map<String, String> byName = new HashMap<>();
        for (String file : files) {
            byName.putIfAbsent(fileName(file), file);
        }
        return new RuleCatalog(rules.stream()
                .map(r -> new RuleInfo(r.name(), byName.getOrDefault(fileName(r.file()), r.file()), r.line(), r.consequenceLine(), r.emissions()))
                .toList());
    }

    private static String fileName(String file) {
        return Path.of(file).getFileName().toString();
    }

    /** Every warning code raised, noted or linked. */
    public Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        for (RuleInfo r : rules) {
            for (Emission e : r.emissions()) {
                codes.add(e.code());
                if (e.effect() != null) {
                    codes.add(e.effect());
                }
            }
        }
        return codes;
    }

    public Optional<RuleInfo> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The rules whose consequence raises {@code code}. */
    public List<RuleInfo> raising(String code) {
        return rules.stream().filter(r -> r.emissions().stream().anyMatch(e -> e.kind() == Kind.RAISE && e.code().equals(code)))
                .toList();
    }

    /** Reads the DRL sources (shown name to text); each problem names its file and line. */
    static RuleCatalog read(Map<String, String> drlSources, List<Problem> problems) {
        List<RuleInfo> rules = new ArrayList<>();
        for (Map.Entry<String, String> source : drlSources.entrySet()) {
            String file = source.getKey();
            String text = source.getValue();
            int unclosed = ConsequenceCalls.unclosedStringLine(text);
            if (unclosed > 0) {
                // Drools would report it at the end of the file, or throw while compiling: say where it is.
                problems.add(new Problem(file, unclosed, "a string is not closed on its line"));
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException | RuntimeException e) {
                problems.add(new Problem(file, 0, "cannot be read as DRL: " + firstLine(e.getMessage())));
                continue;
            }
            if (parser.hasErrors()) {
                for (DroolsError error : parser.getErrors()) {
                    int[] lines = error.getLines();
                    problems.add(new Problem(file, lines.length > 0 ? Math.max(lines[0], 0) : 0, firstLine(error.getMessage())));
                }
                continue;
            }
            if (pkg == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isQuery()) {
                    continue;
                }
                int first = consequenceStart(lines, rule);
                List<Emission> emissions = new ArrayList<>();
                String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
                ConsequenceCalls.find(consequence, first, (call, line) -> emission(call, line, file, rule.getName(), problems)
                        .ifPresent(emissions::add), (line, message) -> problems.add(new Problem(file, line, message)));
                rules.add(new RuleInfo(rule.getName(), file, rule.getLine(), first, List.copyOf(emissions)));
            }
        }
        return new RuleCatalog(List.copyOf(rules));
    }

    /** The line of the consequence's first statement: the line of {@code then}, or the next with text. */
    private static int consequenceStart(String[] lines, RuleDescr rule) {
        int then = rule.getConsequenceLine();
        if (then < 1 || then > lines.length) {
            return Math.max(rule.getLine(), 1);
        }
        String thenLine = lines[then - 1].strip();
        if (!thenLine.equals("then")) {
            return then;
        }
        for (int i = then; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return then;
    }

    private static Optional<Emission> emission(ConsequenceCalls.Call call, int line, String file, String rule,
                                               List<Problem> problems) {
        String where = "rule \"" + rule + "\": " + call.name() + "(...)";
        List<String> args = call.arguments();
        if (args.isEmpty() || !args.get(0).equals("drools")) {
            problems.add(new Problem(file, line, where + ": the first argument must be drools"));
            return Optional.empty();
        }
        switch (call.name()) {
            case "explain" -> {
                if (args.size() != 3 || !isCode(args.get(1)) || !isCode(args.get(2))) {
                    problems.add(new Problem(file, line, where + ": expected explain(drools, \"CAUSE\", \"EFFECT\") with codes written as strings"));
                    return Optional.empty();
                }
                return Optional.of(new Emission(Kind.EXPLAIN, literal(args.get(1)), literal(args.get(2)), null, null, List.of(), line));
            }
            case "raise", "note" -> {
                boolean raise = call.name().equals("raise");
                int fixed = raise ? 4 : 3; // drools, code, [source,] tag
                if (args.size() < fixed || !isCode(args.get(1)) || raise && !isLiteral(args.get(2))
                        || !isCode(args.get(fixed - 1))) {
                    problems.add(new Problem(file, line, where + ": expected " + (raise
                            ? "raise(drools, \"CODE\", \"probe|account|provider\", \"TAG\", \"name\", value, ...)"
                            : "note(drools, \"CODE\", \"TAG\", \"name\", value, ...)")
                            + " with the code, source and tag written as strings, the tag in capitals"));
                    return Optional.empty();
                }
                String source = raise ? literal(args.get(2)) : null;
                if (raise && !SOURCES.contains(source)) {
                    problems.add(new Problem(file, line, where + ": source \"" + source + "\" (expected probe, account or provider)"));
                }
                List<String> names = new ArrayList<>();
                List<String> rest = args.subList(fixed, args.size());
                if (rest.size() % 2 != 0) {
                    problems.add(new Problem(file, line, where + ": values come in pairs, a name then its value ("
                            + rest.size() + " given)"));
                    return Optional.empty();
                }
                for (int i = 0; i < rest.size(); i += 2) {
                    if (!isLiteral(rest.get(i)) || !literal(rest.get(i)).matches("[A-Za-z][A-Za-z0-9_]*")) {
                        problems.add(new Problem(file, line, where + ": value " + (i / 2 + 1) + " needs a name written as a string, got "
                                + rest.get(i)));
                        return Optional.empty();
                    }
                    names.add(literal(rest.get(i)));
                }
                return Optional.of(new Emission(raise ? Kind.RAISE : Kind.NOTE, literal(args.get(1)), null, source,
                        literal(args.get(fixed - 1)), List.copyOf(names), line));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static boolean isLiteral(String arg) {
        return arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"") && arg.indexOf('"', 1) == arg.length() - 1
                && arg.indexOf('\\') < 0;
    }

    private static boolean isCode(String arg) {
        return isLiteral(arg) && CODE.matcher(literal(arg)).matches();
    }

    private static String literal(String arg) {
        return arg.substring(1, arg.length() - 1);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.strip().lines().findFirst().orElse("").strip();
    }
}

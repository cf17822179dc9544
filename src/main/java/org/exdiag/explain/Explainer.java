package org.exdiag.explain;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import org.exdiag.engine.RuleCatalog;
import org.exdiag.engine.RuleSetLoader;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Wording;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Answers "why was CODE raised?" and "why not?" from the rules as they are: the folder's DRL and, beside
 * it, the prefixes of every rule ({@link ConditionCuts}), compiled once per rule set on first use. The
 * facts are inserted as for an analysis; the user's rules run as they always do, and the prefixes
 * record how far each rule got, and on which facts.
 */
public final class Explainer {
    private static final int MAX_FIRINGS = 100_000;
    private static final int FACTS_SHOWN = 8;

    public enum Mode {
        WHY("why"), WHY_NOT("why-not");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.wire.equalsIgnoreCase(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode: expected why or why-not, got " + text);
        }
    }

    private final Expertise expertise;
    private volatile Built built;

    private record Built(KieBase kieBase, Map<String, ConditionCuts.Cut> cuts) {
    }

    public Explainer(Expertise expertise) {
        this.expertise = expertise;
    }

    public Expertise expertise() {
        return expertise;
    }

    private Built built() throws LoadException {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    ConditionCuts.Read read = ConditionCuts.read(expertise.rules().drlSources());
                    b = new Built(RuleSetLoader.compileWith(expertise.rules(), read.prefixSources()), read.cuts());
                    built = b;
                }
            }
        }
        return b;
    }

    /** The explanation of {@code code} on {@code doc}; words from the knowledge base in {@code language}. */
    public Explanation explain(FactsDocument doc, String code, Mode mode, Language language) throws LoadException {
        Built b = built();
        Trace trace = new Trace();
        // The facts inserted, then what the rules inferred: after firing, a session's object list leaves out
        // some inserted facts that no rule changed (seen with an Account no rule matched), so it is not asked.
        List<Object> objects = new ArrayList<>(expertise.analyzer().sessionFacts(doc));
        KieSession session = b.kieBase().newKieSession();
        try {
            session.setGlobal(ConditionCuts.GLOBAL, trace);
            objects.forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);
            Map<Object, Boolean> known = new IdentityHashMap<>();
            objects.forEach(o -> known.put(o, true));
            session.getObjects().stream().filter(o -> !known.containsKey(o)).forEach(objects::add);
        } finally {
            session.dispose();
        }
        Report report = expertise.report(doc, language);
        Optional<ReportWarning> warning = report.warning(code);
        Wording words = expertise.wording(language);
        RuleCatalog catalog = expertise.rules().catalog();

        List<Explanation.RuleTrace> rules = new ArrayList<>();
        for (RuleCatalog.RuleInfo info : catalog.raising(code)) {
            Explanation.RuleTrace t = trace(info, b.cuts().get(info.name()), trace, objects, words);
            if (mode == Mode.WHY_NOT || t.fired()) {
                rules.add(t);
            }
        }
        List<Explanation.LinkTrace> above = new ArrayList<>();
        List<Explanation.LinkTrace> below = new ArrayList<>();
        if (warning.isPresent()) {
            warning.get().explainedBy().forEach(cause -> above.add(link(cause, code, catalog, trace, b.cuts(), objects)));
            warning.get().explains().forEach(effect -> below.add(link(code, effect, catalog, trace, b.cuts(), objects)));
        }
        return new Explanation(code, mode.wire(), warning.isPresent(), List.copyOf(rules), List.copyOf(above), List.copyOf(below));
    }

    private Explanation.RuleTrace trace(RuleCatalog.RuleInfo info, ConditionCuts.Cut cut, Trace trace, List<Object> objects,
                                        Wording words) {
        if (cut == null || cut.unsupported() != null) {
            String why = cut == null ? words.word("explain.unread") : words.word("explain.unsupported") + ": " + cut.unsupported();
            return new Explanation.RuleTrace(info.name(), info.file(), info.line(), false, List.of(), why);
        }
        List<ConditionCuts.Condition> conditions = cut.conditions();
        int depth = trace.depth(info.name());
        boolean fired = depth == conditions.size();
        List<Explanation.ConditionTrace> traces = new ArrayList<>();
        for (int k = 1; k <= conditions.size(); k++) {
            ConditionCuts.Condition c = conditions.get(k - 1);
            if (k <= depth) {
                traces.add(new Explanation.ConditionTrace(c.text(), true, matched(trace, info.name(), k, c)));
            } else if (k == depth + 1) {
                traces.add(new Explanation.ConditionTrace(c.text(), false, present(c, trace, info.name(), k, objects, words)));
            } else {
                traces.add(new Explanation.ConditionTrace(c.text(), null, List.of()));
            }
        }
        return new Explanation.RuleTrace(info.name(), info.file(), info.line(), fired, List.copyOf(traces), null);
    }

    /** The fact condition {@code k} matched, in the first matches of the rule's prefix. */
    private static List<String> matched(Trace trace, String rule, int k, ConditionCuts.Condition c) {
        if (!c.kind().startsWith("pattern") && !c.kind().equals("or")) {
            return List.of();
        }
        Set<String> shown = new java.util.LinkedHashSet<>();
        for (Trace.Seen match : trace.matches(rule, k)) {
            // Patterns come in order: the fact this condition added is the last of the match.
            if (!match.facts().isEmpty()) {
                shown.add(describe(match.facts().get(match.facts().size() - 1), c.text()));
            }
        }
        return List.copyOf(shown);
    }

    /**
     * For the first condition that did not hold: the values it compared (the variables it uses, as the
     * conditions before it bound them), then the facts of its type that were there, or why there were none.
     */
    private static List<String> present(ConditionCuts.Condition c, Trace trace, String rule, int k, List<Object> objects,
                                        Wording words) {
        List<String> out = new ArrayList<>();
        List<Trace.Seen> before = k > 1 ? trace.matches(rule, k - 1) : List.of();
        if (!before.isEmpty()) {
            List<String> values = new ArrayList<>();
            before.get(0).bindings().forEach((name, value) -> {
                if (java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(name) + "(?!\\w)")
                        .matcher(c.text()).find()) {
                    values.add(name + " = " + shortValue(value));
                }
            });
            if (!values.isEmpty()) {
                out.add(String.join(", ", values));
            }
        }
        if (c.type() == null) {
            return List.copyOf(out);
        }
        int found = 0;
        for (Object o : objects) {
            if (o.getClass().getSimpleName().equals(c.type()) && found++ < FACTS_SHOWN) {
                out.add(describe(o, c.text()));
            }
        }
        if (found == 0) {
            String source = words.vocabulary("fact-source").get(c.type());
            out.add(words.word("explain.noFact").replace("{type}", c.type())
                    + (source == null ? "" : words.word("punctuation.colon") + words.word("explain.notProbed").replace("{source}", source)));
        }
        return List.copyOf(out);
    }

    private Explanation.LinkTrace link(String cause, String effect, RuleCatalog catalog, Trace trace,
                                       Map<String, ConditionCuts.Cut> cuts, List<Object> objects) {
        Set<String> rules = new TreeSet<>();
        // The rows of links.yaml that make it: the link is there, so a row without a tag made it, and a
        // row with one made it when a finding of the cause has that tag.
        for (org.exdiag.rules.LinkRow row : expertise.rules().links().rows()) {
            if (row.cause().equals(cause) && row.effect().equals(effect) && (row.causeTag() == null
                    || objects.stream().anyMatch(o -> o instanceof org.exdiag.rules.Finding f && f.code().equals(cause)
                    && row.causeTag().equals(f.tag())))) {
                rules.add(row.name());
            }
        }
        for (RuleCatalog.RuleInfo info : catalog.rules()) {
            boolean makes = info.emissions().stream().anyMatch(e -> e.kind() == RuleCatalog.Kind.EXPLAIN
                    && cause.equals(e.code()) && effect.equals(e.effect()));
            ConditionCuts.Cut cut = cuts.get(info.name());
            if (makes && cut != null && cut.unsupported() == null && trace.depth(info.name()) == cut.conditions().size()) {
                rules.add(info.name());
            }
        }
        return new Explanation.LinkTrace(cause, effect, List.copyOf(rules));
    }

    /**
     * A fact as {@code Type(field=value, ...)}: the values a condition compares, as the rules see them. Only
     * the fields the condition names when it names some (an ExpectedValues holds the whole data file), all
     * of them otherwise.
     */
    static String describe(Object fact, String condition) {
        Class<?> type = fact.getClass();
        if (!type.isRecord()) {
            return shortValue(fact);
        }
        RecordComponent[] components = type.getRecordComponents();
        boolean someNamed = java.util.Arrays.stream(components).anyMatch(c -> names(condition, c.getName()));
        if (!someNamed && components.length > 6) {
            return type.getSimpleName(); // a data file's whole content says nothing the condition compared
        }
        StringBuilder out = new StringBuilder(type.getSimpleName()).append('(');
        boolean first = true;
        for (RecordComponent component : components) {
            if (someNamed && !names(condition, component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(fact);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (value == null) {
                continue;
            }
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(component.getName()).append('=').append(shortValue(value));
        }
        return out.append(')').toString();
    }

    private static boolean names(String condition, String field) {
        return java.util.regex.Pattern.compile("(?<![\\w$.])" + field + "(?!\\w)").matcher(condition).find();
    }

    private static String shortValue(Object value) {
        String shown = value.getClass().isRecord() ? value.getClass().getSimpleName() : String.valueOf(value);
        return shown.length() > 160 ? shown.substring(0, 160) + "…" : shown;
    }
}

package org.exdiag.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

/**
 * The rules of a folder read by Drools' own parser, each cut into its top-level conditions, and the
 * DRL of its prefixes: for a rule of conditions c1..cn, rules "c1", "c1 c2"... "c1..cn", each recording
 * its matches. What fires tells how far the rule got on given facts, with the rules as written: nothing
 * is added to the user's files, and the prefixes are compiled beside them, only when asked.
 *
 * Every top-level conditional element can be cut after: patterns (with {@code from}, {@code accumulate}
 * or {@code collect}), {@code not}, {@code exists}, {@code eval}, {@code or}, {@code forall}. Not supported,
 * and said so: named consequences and conditional branches ({@code do[...]}, {@code if (...) break}),
 * rules that {@code extends} another, and conditions whose text the parser does not locate.
 */
final class ConditionCuts {
    /** The global the prefix rules record into. */
    static final String GLOBAL = "exdiagExplainTrace";

    /** One top-level condition: its text as written, what kind it is, and the fact type it matches (or null). */
    record Condition(String text, String kind, String type) {
    }

    /** A rule of the folder, cut; {@code unsupported} says why it cannot be, or is null. */
    record Cut(String rule, String file, int line, List<Condition> conditions, String unsupported) {
    }

    /** The cuts of every rule, and the prefix DRL, one generated file per source file. */
    record Read(Map<String, Cut> cuts, Map<String, String> prefixSources) {
    }

    private ConditionCuts() {
    }

    static Read read(Map<String, String> drlSources) {
        Map<String, Cut> cuts = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        Set<String> packagesWithGlobal = new LinkedHashSet<>();
        for (Map.Entry<String, String> source : drlSources.entrySet()) {
            String file = source.getKey();
            String text = source.getValue();
            PackageDescr pkg;
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, text);
            } catch (Exception | LinkageError e) {
                continue; // the folder compiled, so this does not happen; if it did, its rules stay unexplained
            }
            if (pkg == null || parser.hasErrors()) {
                continue;
            }
            StringBuilder drl = new StringBuilder();
            String name = pkg.getName() == null || pkg.getName().isBlank() ? "defaultpkg" : pkg.getName();
            drl.append("package ").append(name).append(";\n");
            for (ImportDescr i : pkg.getImports()) {
                drl.append("import ").append(i.getTarget()).append(";\n");
            }
            for (ImportDescr i : pkg.getFunctionImports()) {
                drl.append("import function ").append(i.getTarget()).append(";\n");
            }
            if (packagesWithGlobal.add(name)) {
                drl.append("global ").append(Trace.class.getName()).append(' ').append(GLOBAL).append(";\n");
            }
            drl.append('\n');
            int prefixes = 0;
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isQuery()) {
                    continue;
                }
                Cut cut = cut(rule, file, text);
                cuts.put(rule.getName(), cut);
                if (cut.unsupported() != null) {
                    continue;
                }
                for (int k = 1; k <= cut.conditions().size(); k++) {
                    drl.append("rule \"").append(escape("exdiag explain " + k + " of " + rule.getName())).append("\"\nwhen\n");
                    for (int c = 0; c < k; c++) {
                        drl.append("    ").append(cut.conditions().get(c).text()).append('\n');
                    }
                    drl.append("then\n    ").append(GLOBAL).append(".reached(\"").append(escape(rule.getName())).append("\", ")
                            .append(k).append(", drools.getMatch());\nend\n\n");
                    prefixes++;
                }
            }
            if (prefixes > 0) {
                generated.put("(explain)/" + file, drl.toString());
            }
        }
        return new Read(cuts, generated);
    }

    private static Cut cut(RuleDescr rule, String file, String text) {
        if (rule.getParentName() != null) {
            return new Cut(rule.getName(), file, rule.getLine(), List.of(), "it extends another rule");
        }
        AndDescr lhs = rule.getLhs();
        List<Condition> conditions = new ArrayList<>();
        if (lhs != null) {
            for (BaseDescr d : lhs.getDescrs()) {
                if (d instanceof NamedConsequenceDescr || d instanceof ConditionalBranchDescr) {
                    return new Cut(rule.getName(), file, rule.getLine(), List.of(), "it has a named consequence or a conditional branch");
                }
                int start = d.getStartCharacter();
                int end = d.getEndCharacter();
                if (start < 0 || end <= start || end > text.length()) {
                    return new Cut(rule.getName(), file, rule.getLine(), List.of(), "the parser did not locate its conditions");
                }
                String condition = text.substring(start, end).strip();
                conditions.add(new Condition(condition, kind(d), typeOf(d)));
            }
        }
        return new Cut(rule.getName(), file, rule.getLine(), List.copyOf(conditions), null);
    }

    private static String kind(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            return p.getSource() == null ? "pattern" : "pattern-from";
        }
        if (d instanceof NotDescr) {
            return "not";
        }
        if (d instanceof ExistsDescr) {
            return "exists";
        }
        if (d instanceof EvalDescr) {
            return "eval";
        }
        if (d instanceof OrDescr) {
            return "or";
        }
        if (d instanceof ForallDescr) {
            return "forall";
        }
        return "other";
    }

    /** The fact type a condition is about: a pattern's, or the one pattern inside a not or exists. */
    private static String typeOf(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            return simple(p.getObjectType());
        }
        if (d instanceof NotDescr || d instanceof ExistsDescr) {
            List<BaseDescr> inner = d instanceof NotDescr n ? n.getDescrs() : ((ExistsDescr) d).getDescrs();
            if (inner.size() == 1 && inner.get(0) instanceof PatternDescr p) {
                return simple(p.getObjectType());
            }
        }
        return null;
    }

    private static String simple(String type) {
        if (type == null) {
            return null;
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

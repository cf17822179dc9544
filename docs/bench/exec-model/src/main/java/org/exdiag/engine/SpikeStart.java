package org.exdiag.engine;

import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.exdiag.expected.ExpectedValues;
import org.exdiag.expected.ExpectedValuesReader;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.replies.ReplyClassifier;
import org.exdiag.replies.ReplyPatternsReader;
import org.exdiag.rules.LinkTable;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Start-up of one analysis, three ways. Args: MODE RULES_DIR DOCUMENT [CACHE_DIR]
 *  none  - the rules folder's YAML files and the document read, no Drools (baseline);
 *  cache - today's RuleSetLoader.load through CompiledRuleCache (deserialization) + Analyzer.analyze;
 *  exec  - the same files read, the KieBase built from the executable model classes on the class path,
 *          the catalog read from a resource, + Analyzer.analyze.
 * -Dspike.trace=true prints each phase's time since JVM start on stderr.
 */
public final class SpikeStart {
    private static final boolean TRACE = Boolean.getBoolean("spike.trace");
    private static long jvmStart;

    public static void main(String[] args) throws Exception {
        jvmStart = System.nanoTime();
        mark("main");
        String mode = args[0];
        Path folder = Path.of(args[1]);
        Path docFile = Path.of(args[2]);
        RuleSet rules;
        switch (mode) {
            case "cache" -> rules = RuleSetLoader.load(folder, "rules", CompiledRuleCache.at(Path.of(args[3])));
            case "exec" -> rules = execLoad(folder);
            case "cachephases" -> rules = cachePhases(folder, Path.of(args[3]));
            case "compare" -> { // args: compare RULES_DIR RULES_EXEC_DIR CACHE_DIR FILE...
                RuleSet a = RuleSetLoader.load(folder, "rules", CompiledRuleCache.at(Path.of(args[3])));
                RuleSet b = execLoad(docFile);
                Analyzer aa = new Analyzer(a), ab = new Analyzer(b);
                int same = 0, differ = 0;
                for (int i = 4; i < args.length; i++) {
                    Path f = Path.of(args[i]);
                    FactsDocument d;
                    try {
                        d = new FactsReader().read(Files.readAllBytes(f), FactsFormat.forFileName(f.toString()).orElse(FactsFormat.YAML));
                    } catch (Exception e) { System.out.println("skip " + f + ": " + e.getMessage()); continue; }
                    Inference x = aa.analyze(d), y = ab.analyze(d);
                    boolean eq = x.findings().equals(y.findings()) && x.links().equals(y.links()) && x.notes().equals(y.notes())
                            && x.replyClasses().equals(y.replyClasses());
                    if (eq) same++; else { differ++; System.out.println("DIFFER " + f + "\n  " + x + "\n  " + y); }
                    System.out.println((eq ? "same " : "DIFF ") + f + " findings " + x.findings().size() + "/" + y.findings().size());
                }
                System.out.println("same " + same + ", differ " + differ);
                return;
            }
            case "batch-cache", "batch-exec" -> {
                // args: batch-MODE RULES_DIR JSONL [CACHE_DIR]: every line read and analyzed on one thread, in
                // order; the rate every 20,000 documents shows the JIT's warm-up.
                RuleSet loaded = mode.equals("batch-exec") ? execLoad(folder) : RuleSetLoader.load(folder, "rules",
                        CompiledRuleCache.at(Path.of(args[3])));
                Analyzer analyzer = new Analyzer(loaded);
                FactsReader reader = new FactsReader();
                long start = System.nanoTime(), last = start;
                int n = 0, findings = 0;
                try (java.io.BufferedReader lines = Files.newBufferedReader(docFile)) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        findings += analyzer.analyze(reader.read(line.getBytes(StandardCharsets.UTF_8), FactsFormat.JSON)).findings().size();
                        if (++n % 20_000 == 0) {
                            long now = System.nanoTime();
                            System.out.printf("%s %7d docs %6.1f s %7.0f/s%n", mode, n, (now - start) / 1e9, 20_000 / ((now - last) / 1e9));
                            last = now;
                        }
                    }
                }
                System.out.printf("%s: %d documents, %d findings, %.1f s%n", mode, n, findings, (System.nanoTime() - start) / 1e9);
                return;
            }
            case "none" -> {
                readFiles(folder);
                mark("files read");
                FactsDocument doc = new FactsReader().read(Files.readAllBytes(docFile), FactsFormat.YAML);
                mark("document read");
                System.out.println("none: " + doc.getClass().getSimpleName());
                return;
            }
            default -> throw new IllegalArgumentException(mode);
        }
        mark("rule set loaded");
        FactsDocument doc = new FactsReader().read(Files.readAllBytes(docFile), FactsFormat.YAML);
        mark("document read");
        Inference inf = new Analyzer(rules).analyze(doc);
        mark("analyzed");
        System.out.println(mode + ": " + rules.ruleNames().size() + " rules, findings " + inf.findings().size()
                + ", links " + inf.links().size() + ", notes " + inf.notes().size() + ", replyClasses " + inf.replyClasses().size()
                + (Boolean.getBoolean("spike.verbose") ? "\n" + inf.findings() + "\n" + inf.links() + "\n" + inf.notes() : ""));
    }

    private static void mark(String what) {
        if (TRACE) {
            System.err.printf("%6.1f ms %s%n", (System.nanoTime() - jvmStart) / 1e6, what);
        }
    }

    record Files3(ExpectedValues expected, ReplyPatternsReader.Read replies, LinkTable links) {
    }

    private static Files3 readFiles(Path folder) throws Exception {
        ExpectedValues expected = ExpectedValuesReader.read(folder.resolve(RuleSetLoader.EXPECTED_VALUES), "rules/" + RuleSetLoader.EXPECTED_VALUES);
        ReplyPatternsReader.Read replies = ReplyPatternsReader.read(folder.resolve(RuleSetLoader.SMTP_REPLIES), "rules/" + RuleSetLoader.SMTP_REPLIES);
        LinkTable links = LinkTableReader.read(folder.resolve(RuleSetLoader.LINKS), "rules/" + RuleSetLoader.LINKS);
        return new Files3(expected, replies, links);
    }

    /** RuleSetLoader.load's steps through the cache, one by one (for -Dspike.trace). */
    private static RuleSet cachePhases(Path folder, Path cacheDir) throws Exception {
        Map<String, String> folderOnly = new LinkedHashMap<>();
        Map<String, String> drl = SpikeStart.drlWithBuiltin(folder, folderOnly);
        Files3 read = readFiles(folder);
        mark("files read");
        String key = CompiledRuleCache.key(drl);
        mark("key checked");
        RuleSetLoader.Compiled compiled = CompiledRuleCache.at(cacheDir).load(key).orElseThrow();
        mark("cache entry read, kie base built");
        return new RuleSet(compiled.kieBase(), read.expected(), new ReplyClassifier(read.replies().patterns()), read.links(),
                compiled.catalog().namedAs(folderOnly.keySet()), List.of(), "spike", "rules", Map.copyOf(folderOnly));
    }

    /** What RuleSetLoader.load would do with rules compiled at build time (the folder equal to the bundled one). */
    private static RuleSet execLoad(Path folder) throws Exception {
        Map<String, String> folderOnly = new LinkedHashMap<>();
        Map<String, String> drl = SpikeStart.drlWithBuiltin(folder, folderOnly);
        Files3 read = readFiles(folder);
        mark("files read");
        // Does the folder hold the rules compiled into the application? (today's cache key, same cost)
        String key = drlHash(drl);
        String bundledKey;
        try (InputStream in = SpikeStart.class.getResourceAsStream("/exdiag-spike/drl.sha256")) {
            bundledKey = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!key.equals(bundledKey)) {
            throw new IllegalStateException("rules on disk differ from the bundled model: would compile DRL + cache as today");
        }
        mark("key checked");
        List<Model> models = new ArrayList<>();
        try (InputStream in = SpikeStart.class.getResourceAsStream("/META-INF/kie/org.exdiag/rules/drools-model")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("Drools-Model-Version")) continue;
                models.add((Model) Class.forName(line).getDeclaredConstructor().newInstance());
            }
        }
        mark("model classes instantiated");
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, RuleSetLoader.kieBaseConfiguration());
        mark("kie base built");
        RuleCatalog catalog;
        try (ObjectInputStream o = new ObjectInputStream(SpikeStart.class.getResourceAsStream("/exdiag-spike/catalog.bin"))) {
            catalog = ((RuleCatalog) o.readObject()).namedAs(folderOnly.keySet());
        }
        Set<String> names = new TreeSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            if (pkg.getName().equals(RuleSetLoader.BUILTIN_PACKAGE)) continue;
            Set<String> queries = new java.util.HashSet<>();
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
            for (Rule r : pkg.getRules()) {
                if (!queries.contains(r.getName())) names.add(r.getName());
            }
        }
        List<String> all = new ArrayList<>(names);
        read.links().rows().forEach(r -> all.add(r.name()));
        java.util.Collections.sort(all);
        return new RuleSet(kieBase, read.expected(), new ReplyClassifier(read.replies().patterns()), read.links(), catalog,
                List.copyOf(all), "spike", "rules", Map.copyOf(folderOnly));
    }

    /** The bundled rules' identity for the executable model: a SHA-256 of the DRL files' names and texts. */
    static String drlHash(Map<String, String> drl) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, String> e : drl.entrySet()) {
            sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** The folder's DRL files by name ("rules/NAME"), into {@code folderOnly}; returned with the built-in DRL after them (as RuleSetLoader.withBuiltin). */
    static Map<String, String> drlWithBuiltin(Path folder, Map<String, String> folderOnly) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                folderOnly.put("rules/" + f.getFileName(), Files.readString(f));
            }
        }
        Map<String, String> drl = new LinkedHashMap<>(folderOnly);
        for (String builtin : List.of(RuleSetLoader.BUILTIN, RuleSetLoader.VOCABULARY)) {
            try (InputStream in = RuleSetLoader.class.getResourceAsStream(builtin)) {
                drl.put("(built in)/" + builtin, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return drl;
    }
}

package org.exdiag.engine;

import org.exdiag.replies.ReplyClassifier;
import org.exdiag.replies.ReplyPatternsReader;
import org.exdiag.expected.ExpectedValuesReader;
import org.exdiag.rules.LinkRow;
import org.exdiag.rules.LinkTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.expected.ExpectedValues;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Loads a rules folder: every {@code *.drl} directly in it, plus {@code expected-values.yaml},
 * {@code smtp-replies.yaml} and {@code links.yaml} (optional). A folder with any error yields a {@link LoadException} listing them all
 * (file and line), and nothing else changes: callers keep serving their old rule set. Rules the same as
 * the bundled ones come from the executable model built with the application ({@link ExecutableModel});
 * others are compiled, through the compiled-rules cache ({@link CompiledRuleCache}).
 */
public final class RuleSetLoader {
    public static final String EXPECTED_VALUES = "expected-values.yaml";
    public static final String SMTP_REPLIES = "smtp-replies.yaml";
    public static final String LINKS = "links.yaml";
    /** exdiag's own rule and queries, compiled with every folder (builtin.drl). */
    static final String BUILTIN = "builtin.drl";
    /** The rules' package imports every folder may rely on (vocabulary.drl). */
    static final String VOCABULARY = "vocabulary.drl";
    static final String BUILTIN_PACKAGE = "exdiag.builtin";

    private RuleSetLoader() {
    }

    /** Loads the folder; {@code shown} is how messages name it (the path as the user gave it). */
    public static RuleSet load(Path folder, String shown) throws LoadException {
        return load(folder, shown, CompiledRuleCache.fromEnvironment().orElse(null));
    }

    /** As {@link #load(Path, String)}, with compiled rules kept in {@code cache} (null: none). */
    static RuleSet load(Path folder, String shown, CompiledRuleCache cache) throws LoadException {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(List.of(new Problem(shown, 0, "not a folder")));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, String> drlSources = readDrl(folder, shown, problems);
        if (drlSources.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(shown, 0, "no .drl file in the folder"));
        }
        ExpectedValues expected = null;
        ReplyPatternsReader.Read replies = null;
        try {
            expected = ExpectedValuesReader.read(folder.resolve(EXPECTED_VALUES), shown + "/" + EXPECTED_VALUES);
        } catch (LoadException e) {
            problems.addAll(e.problems());
        }
        try {
            replies = ReplyPatternsReader.read(folder.resolve(SMTP_REPLIES), shown + "/" + SMTP_REPLIES);
        } catch (LoadException e) {
            problems.addAll(e.problems());
        }
        LinkTable links = LinkTable.EMPTY;
        try {
            links = LinkTableReader.read(folder.resolve(LINKS), shown + "/" + LINKS);
        } catch (LoadException e) {
            problems.addAll(e.problems());
        }
        Compiled compiled = problems.isEmpty() ? cachedOrCompiled(drlSources, problems, cache) : null;
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        List<String> names = ruleNames(compiled.kieBase());
        for (LinkRow row : links.rows()) {
            if (names.contains(row.name())) {
                problems.add(new Problem(shown + "/" + LINKS, 0, "link \"" + row.name() + "\" has the name of a rule"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        List<String> all = new ArrayList<>(names);
        links.rows().forEach(r -> all.add(r.name()));
        java.util.Collections.sort(all);
        return new RuleSet(compiled.kieBase(), expected, new ReplyClassifier(replies.patterns()), links, compiled.catalog(),
                List.copyOf(all), fingerprint(folder), shown, Map.copyOf(drlSources));
    }

    /**
     * The rule set's DRL, exdiag's built-in rule and queries, and {@code extra} files beside them, compiled
     * into a rule base of their own: what {@code exdiag explain} runs. Cached as a folder's rules are
     * (compiling the cut rules was two thirds of an explain command).
     */
    public static KieBase compileWith(RuleSet rules, Map<String, String> extra) throws LoadException {
        return compileWith(rules, extra, CompiledRuleCache.fromEnvironment().orElse(null));
    }

    static KieBase compileWith(RuleSet rules, Map<String, String> extra, CompiledRuleCache cache) throws LoadException {
        Map<String, String> all = withBuiltin(rules.drlSources());
        all.putAll(extra);
        List<Problem> problems = new ArrayList<>();
        Compiled compiled = viaCache(cache, all, () -> {
            KieBase kieBase = DrlCompiler.compile(all, rules.catalog(), problems);
            return kieBase == null ? null : new Compiled(kieBase, rules.catalog()); // the catalog fills the entry's format
        });
        if (compiled == null) {
            throw new LoadException(problems.isEmpty() ? List.of(new Problem(rules.origin(), 0, "the rules did not compile")) : problems);
        }
        return compiled.kieBase();
    }

    /** A compiled folder: the rule base and what its rules say. */
    record Compiled(KieBase kieBase, RuleCatalog catalog) {
    }

    private static Compiled cachedOrCompiled(Map<String, String> drlSources, List<Problem> problems, CompiledRuleCache cache) {
        Map<String, String> all = withBuiltin(drlSources);
        Optional<Compiled> bundled = ExecutableModel.matching(all);
        if (bundled.isPresent()) {
            return new Compiled(bundled.get().kieBase(), bundled.get().catalog().namedAs(drlSources.keySet()));
        }
        Compiled compiled = viaCache(cache, all, () -> {
            RuleCatalog catalog = RuleCatalog.read(drlSources, problems);
            if (!problems.isEmpty()) {
                return null; // Drools would only repeat the parser's errors, less clearly
            }
            KieBase kieBase = DrlCompiler.compile(all, catalog, problems);
            return kieBase == null ? null : new Compiled(kieBase, catalog);
        });
        // A cached catalog names the files as the load that compiled it did: named as this load does.
        return compiled == null ? null : new Compiled(compiled.kieBase(), compiled.catalog().namedAs(drlSources.keySet()));
    }

    /** The rule base of {@code all} from the cache, else {@code compile}'s (null: it failed), kept for next time. */
    private static Compiled viaCache(CompiledRuleCache cache, Map<String, String> all, Supplier<Compiled> compile) {
        if (cache == null) {
            return compile.get();
        }
        String key = CompiledRuleCache.key(all);
        Optional<Compiled> cached = cache.load(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Compiled compiled = compile.get();
        if (compiled != null) {
            cache.store(key, compiled);
        }
        return compiled;
    }

    /** The folder's DRL and exdiag's built-in rule, queries and imports. */
    static Map<String, String> withBuiltin(Map<String, String> drlSources) {
        Map<String, String> all = new LinkedHashMap<>(drlSources);
        for (String builtin : List.of(BUILTIN, VOCABULARY)) {
            try (InputStream in = RuleSetLoader.class.getResourceAsStream(builtin)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in " + builtin + " is missing from the application");
                }
                all.put("(built in)/" + builtin, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the built-in " + builtin, e);
            }
        }
        return all;
    }

    /**
     * Adds DRL files to {@code sha}: each file's name without its folder (where rules are read from does not
     * change them) and its text, in the map's order. What both the compiled-rules cache's key and the
     * executable model's key are made of.
     */
    static void digest(MessageDigest sha, Map<String, String> drl) {
        for (Map.Entry<String, String> e : drl.entrySet()) {
            sha.update(Path.of(e.getKey()).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    /** Every {@code *.drl} directly in the folder, by name ({@code shown/NAME}), in name order. */
    static Map<String, String> readDrl(Path folder, String shown, List<Problem> problems) {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                String name = shown + "/" + file.getFileName();
                try {
                    sources.put(name, Files.readString(file, StandardCharsets.UTF_8));
                } catch (java.nio.charset.MalformedInputException e) {
                    problems.add(new Problem(name, 0, "not UTF-8 text"));
                } catch (IOException e) {
                    problems.add(new Problem(name, 0, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(shown, 0, "cannot list: " + e.getMessage()));
        }
        return sources;
    }

    /**
     * How every rule base is built, compiled or read from the cache. Rules never change inside a built
     * base (a reload builds a new one), so it is immutable; that lets each session keep its facts in one
     * identity map instead of a store per fact class, which a pooled session rebuilt on every analysis
     * (AnalysisCpu on incident-suspected.json, 2 threads: 47-57 -> 40-45 us per analysis).
     */
    static KieBaseConfiguration kieBaseConfiguration() {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /** The folder's rules: queries are not rules that fire, and the built-in rule is exdiag's, not the folder's. */
    private static List<String> ruleNames(KieBase kieBase) {
        Set<String> names = new TreeSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            if (pkg.getName().equals(BUILTIN_PACKAGE)) {
                continue;
            }
            Set<String> queries = new java.util.HashSet<>();
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
            for (Rule rule : pkg.getRules()) {
                if (!queries.contains(rule.getName())) {
                    names.add(rule.getName());
                }
            }
        }
        return List.copyOf(names);
    }

    private static String fingerprint(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }
}

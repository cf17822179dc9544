package org.exdiag.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.exdiag.facts.Hosts;
import org.exdiag.rules.ExpectedValues;
import org.exdiag.rules.ReplyPattern;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles a rules folder: every {@code *.drl} directly in it, plus {@code expected-values.yaml}
 * and {@code smtp-replies.yaml}. A folder with any error yields a {@link LoadException} listing
 * them all (file and line), and nothing else changes: callers keep serving their old rule set.
 */
public final class RuleSetLoader {
    public static final String EXPECTED_VALUES = "expected-values.yaml";
    public static final String SMTP_REPLIES = "smtp-replies.yaml";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern CODE_USE = Pattern.compile(
            "\\b(?:raise|note)\\(\\s*drools\\s*,\\s*\"([A-Z][A-Z0-9_]*)\"|\\bexplain\\(\\s*drools\\s*,\\s*\"([A-Z][A-Z0-9_]*)\"\\s*,\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String OUTPUTS = "outputs.drl";

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
        List<ReplyPattern> patterns = List.of();
        try {
            expected = readExpectedValues(folder.resolve(EXPECTED_VALUES), shown + "/" + EXPECTED_VALUES);
        } catch (LoadException e) {
            problems.addAll(e.problems());
        }
        try {
            patterns = readReplyPatterns(folder.resolve(SMTP_REPLIES), shown + "/" + SMTP_REPLIES);
        } catch (LoadException e) {
            problems.addAll(e.problems());
        }
        KieBase kieBase = problems.isEmpty() ? cachedOrCompiled(withOutputQueries(drlSources), problems, cache) : null;
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new RuleSet(kieBase, expected, patterns, ruleNames(kieBase), codesUsed(drlSources.values()),
                fingerprint(folder), shown);
    }

    /** The folder's DRL and the built-in queries that keep what the analyzer reads back (outputs.drl). */
    private static Map<String, String> withOutputQueries(Map<String, String> drlSources) {
        Map<String, String> all = new LinkedHashMap<>(drlSources);
        try (InputStream in = RuleSetLoader.class.getResourceAsStream(OUTPUTS)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + OUTPUTS + " is missing from the application");
            }
            all.put("(built in)/" + OUTPUTS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the built-in " + OUTPUTS, e);
        }
        return all;
    }

    private static Map<String, String> readDrl(Path folder, String shown, List<Problem> problems) {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                String name = shown + "/" + file.getFileName();
                try {
                    sources.put(name, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    problems.add(new Problem(name, 0, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(shown, 0, "cannot list: " + e.getMessage()));
        }
        return sources;
    }

    private static KieBase cachedOrCompiled(Map<String, String> drlSources, List<Problem> problems, CompiledRuleCache cache) {
        if (cache == null) {
            return compile(drlSources, problems);
        }
        String key = CompiledRuleCache.key(drlSources);
        java.util.Optional<KieBase> cached = cache.load(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        KieBase compiled = compile(drlSources, problems);
        if (compiled != null) {
            cache.store(key, compiled);
        }
        return compiled;
    }

    private static KieBase compile(Map<String, String> drlSources, List<Problem> problems) {
        KieServices kie = KieServices.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        // A fresh release per build: the container of an older build stays valid until collected.
        ReleaseId release = kie.newReleaseId("org.exdiag", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        Map<String, String> kfsToShown = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, String> drl : drlSources.entrySet()) {
            // Each file lives under the path of its package, which Drools expects.
            Matcher pkg = PACKAGE.matcher(drl.getValue());
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') : "default";
            String base = Path.of(drl.getKey()).getFileName().toString();
            String kfsPath = "src/main/resources/" + dir + "/" + (index++) + "-" + base;
            kfsToShown.put(kfsPath, drl.getKey());
            kfs.write(kfsPath, kie.getResources().newByteArrayResource(drl.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(kfsPath));
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = message.getPath() == null ? "rules"
                    : kfsToShown.getOrDefault(message.getPath(), kfsToShown.getOrDefault("src/main/resources/" + message.getPath(), message.getPath()));
            problems.add(new Problem(file, Math.max(message.getLine(), 0), message.getText().strip().replace('\n', ' ')));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return kie.newKieContainer(release).newKieBase(kieBaseConfiguration());
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

    private static List<String> ruleNames(KieBase kieBase) {
        Set<String> names = new TreeSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            Set<String> queries = new HashSet<>();
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
            for (Rule rule : pkg.getRules()) {
                if (!queries.contains(rule.getName())) { // a query is not a rule that fires
                    names.add(rule.getName());
                }
            }
        }
        return List.copyOf(names);
    }

    /** Codes named in raise/note/explain calls: each must have a knowledge-base entry. */
    static Set<String> codesUsed(Iterable<String> drlSources) {
        Set<String> codes = new TreeSet<>();
        for (String source : drlSources) {
            Matcher m = CODE_USE.matcher(source);
            while (m.find()) {
                for (int g = 1; g <= 3; g++) {
                    if (m.group(g) != null) {
                        codes.add(m.group(g));
                    }
                }
            }
        }
        return Set.copyOf(codes);
    }

    // --- expected-values.yaml

    record ExpectedValuesFile(Defaults defaults, Map<String, List<String>> mx, SrvSpec autodiscoverSrv) {
    }

    record Defaults(String offer, String mailSetup) {
    }

    record SrvSpec(Integer priority, Integer weight, Integer port, Map<String, List<String>> targets) {
    }

    static ExpectedValues readExpectedValues(Path file, String shown) throws LoadException {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(List.of(new Problem(shown, 0, "missing")));
        }
        ExpectedValuesFile f = ConfigYaml.read(file, shown, ExpectedValuesFile.class);
        List<Problem> problems = new ArrayList<>();
        if (f.mx() == null || f.mx().isEmpty()) {
            problems.add(new Problem(shown, 0, "mx: at least one mail setup with its valid hosts is required"));
        }
        SrvSpec srv = f.autodiscoverSrv();
        if (srv == null || srv.priority() == null || srv.weight() == null || srv.port() == null || srv.targets() == null) {
            problems.add(new Problem(shown, 0, "autodiscoverSrv: priority, weight, port and targets are required"));
        }
        Defaults defaults = f.defaults() == null ? new Defaults("hosted", "unknown") : f.defaults();
        if (f.mx() != null && defaults.mailSetup() != null && !f.mx().containsKey(defaults.mailSetup())) {
            problems.add(new Problem(shown, 0, "defaults.mailSetup \"" + defaults.mailSetup() + "\" is not a key of mx"));
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new ExpectedValues(normalizeHosts(f.mx()), srv.priority(), srv.weight(), srv.port(),
                normalizeHosts(srv.targets()), defaults.offer(), defaults.mailSetup());
    }

    private static Map<String, List<String>> normalizeHosts(Map<String, List<String>> byKey) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byKey.forEach((key, hosts) -> out.put(key, hosts == null ? List.of() : hosts.stream().map(Hosts::normalize).toList()));
        return Map.copyOf(out);
    }

    // --- smtp-replies.yaml

    record ReplyPatternsFile(List<PatternEntry> patterns) {
    }

    record PatternEntry(String name, String category, List<String> stages, String code, String enhanced, String text,
                        List<String> sources) {
    }

    static List<ReplyPattern> readReplyPatterns(Path file, String shown) throws LoadException {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(List.of(new Problem(shown, 0, "missing")));
        }
        ReplyPatternsFile f = ConfigYaml.read(file, shown, ReplyPatternsFile.class);
        List<Problem> problems = new ArrayList<>();
        List<ReplyPattern> patterns = new ArrayList<>();
        List<PatternEntry> entries = f.patterns() == null ? List.of() : f.patterns();
        for (int i = 0; i < entries.size(); i++) {
            PatternEntry e = entries.get(i);
            String where = "patterns[" + i + "]" + (e.name() == null ? "" : " \"" + e.name() + "\"");
            if (e.name() == null || e.category() == null) {
                problems.add(new Problem(shown, 0, where + ": name and category are required"));
                continue;
            }
            try {
                patterns.add(new ReplyPattern(i, e.name(), e.category(),
                        e.stages() == null ? Set.of() : Set.copyOf(e.stages().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()),
                        e.code() == null ? null
                                : ReplyPattern.codesMatching(Pattern.compile(e.code().replace("x", "[0-9]").replace("X", "[0-9]"))),
                        e.enhanced() == null ? null : Pattern.compile(e.enhanced()),
                        e.text() == null ? null : Pattern.compile(e.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            } catch (PatternSyntaxException ex) {
                problems.add(new Problem(shown, 0, where + ": bad pattern: " + ex.getDescription() + " in " + ex.getPattern()));
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return List.copyOf(patterns);
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

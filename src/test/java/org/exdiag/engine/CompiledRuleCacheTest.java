package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.KnowledgeBaseLoader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-rules cache gives the same reports as compiling, and never a stale or foreign rule base.
 * It holds rules edited on disk (the bundled ones come from the executable model): here, a copy of the
 * bundled rules with a support engineer's comment.
 */
class CompiledRuleCacheTest {
    @TempDir
    Path cacheDir;

    @TempDir
    Path rulesCopy;

    @TempDir
    Path edited;

    @BeforeEach
    void editTheRules() throws Exception {
        TestSupport.compiledCopyOfRules(edited);
    }

    private static List<Report> reportsFor(RuleSet rules) throws Exception {
        Expertise expertise = new Expertise(rules, KnowledgeBaseLoader.load(TestSupport.KB, "kb"));
        FactsReader reader = new FactsReader();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(Files::isRegularFile).sorted().map(f -> {
                try {
                    FactsDocument doc = reader.read(Files.readAllBytes(f), FactsFormat.forFileName(f.toString()).orElseThrow());
                    return expertise.report(doc, Language.EN);
                } catch (Exception e) {
                    throw new AssertionError(f + ": " + e.getMessage(), e);
                }
            }).toList();
        }
    }

    private List<Path> entries() throws Exception {
        return TestSupport.cacheEntries(cacheDir);
    }

    @Test
    void aCachedRuleBaseGivesTheSameReportsAsACompiledOne() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSet compiled = RuleSetLoader.load(edited, "rules", cache);
        assertThat(entries()).hasSize(1);
        RuleSet cached = RuleSetLoader.load(edited, "rules", cache);
        assertThat(cached.ruleNames()).isEqualTo(compiled.ruleNames());
        assertThat(reportsFor(cached)).isEqualTo(reportsFor(compiled));
    }

    @Test
    void aCachedRuleBaseNamesTheFilesWhereTheyAreNowNotWhereTheyWereCompiled() throws Exception {
        // The same rules reached as "/tmp/.../rules" first, then as "rules": explain and rules check
        // must name rules/dns.drl, not the folder of the load that filled the cache.
        TestSupport.copyTree(edited, rulesCopy);
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSetLoader.load(rulesCopy, rulesCopy.toString(), cache);
        RuleSet cached = RuleSetLoader.load(edited, "rules", cache);
        assertThat(entries()).hasSize(1);
        assertThat(cached.catalog().rules()).isNotEmpty()
                .allSatisfy(r -> assertThat(cached.drlSources()).containsKey(r.file()))
                .anySatisfy(r -> assertThat(r.file()).isEqualTo("rules/dns.drl"));
    }

    @Test
    void compiledAndCachedRuleBasesAreBothImmutable() throws Exception {
        // Immutable bases give sessions one identity map of facts instead of a store per class, rebuilt
        // on every pooled analysis: a fifth of the analysis time. A cache that forgot it would lose that.
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSet compiled = RuleSetLoader.load(edited, "rules", cache);
        RuleSet cached = RuleSetLoader.load(edited, "rules", cache);
        for (RuleSet rules : List.of(compiled, cached)) {
            org.drools.kiesession.rulebase.InternalKnowledgeBase base = (org.drools.kiesession.rulebase.InternalKnowledgeBase) rules.kieBase();
            assertThat(base.getRuleBaseConfiguration().getOption(org.kie.api.conf.KieBaseMutabilityOption.KEY))
                    .isEqualTo(org.kie.api.conf.KieBaseMutabilityOption.DISABLED);
        }
    }

    @Test
    void changedRulesGetTheirOwnEntry() throws Exception {
        TestSupport.copyTree(edited, rulesCopy);
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSetLoader.load(rulesCopy, "copy", cache);
        Path dns = rulesCopy.resolve("dns.drl");
        Files.writeString(dns, Files.readString(dns).replace("rule \"MX lookup failed\"", "rule \"MX lookup did not work\""));
        RuleSet changed = RuleSetLoader.load(rulesCopy, "copy", cache);
        assertThat(changed.ruleNames()).contains("MX lookup did not work").doesNotContain("MX lookup failed");
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aCorruptEntryIsDroppedAndTheRulesCompiled() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSetLoader.load(edited, "rules", cache);
        Path entry = entries().get(0);
        Files.write(entry, new byte[] {1, 2, 3, 4});
        RuleSet again = RuleSetLoader.load(edited, "rules", cache);
        assertThat(reportsFor(again)).isEqualTo(reportsFor(RuleSetLoader.load(edited, "rules", null)));
        assertThat(Files.size(entries().get(0))).isGreaterThan(1000); // rewritten
    }

    @Test
    void anEntryOthersCouldWriteIsIgnored() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSetLoader.load(edited, "rules", cache);
        Path entry = entries().get(0);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        String key = entry.getFileName().toString();
        assertThat(cache.load(fullKeyOf(key))).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKept() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.at(cacheDir);
        RuleSetLoader.load(edited, "rules", cache);
        Path inUse = entries().get(0);
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(inUse, FileTime.fromMillis(now - 86_400_000L)); // compiled yesterday
        List<Path> older = new ArrayList<>();
        for (int i = 0; i < CompiledRuleCache.KEEP + 4; i++) { // earlier versions of the rules, edited since
            Path stale = Files.write(cacheDir.resolve("rules-stale" + i + ".bin"), new byte[] {1});
            Files.setLastModifiedTime(stale, FileTime.fromMillis(now - 3_600_000L + i * 1000L));
            older.add(stale);
        }
        Path crashed = Files.write(cacheDir.resolve("rules-123.tmp"), new byte[] {1});
        Files.setLastModifiedTime(crashed, FileTime.fromMillis(now - 7_200_000L));

        RuleSetLoader.load(edited, "rules", cache); // used today: the oldest file, the newest use
        TestSupport.copyTree(edited, rulesCopy);
        Path dns = rulesCopy.resolve("dns.drl");
        Files.writeString(dns, Files.readString(dns).replace("rule \"MX lookup failed\"", "rule \"MX lookup did not work\""));
        RuleSetLoader.load(rulesCopy, "copy", cache); // a new entry: the cache is pruned

        assertThat(entries()).hasSize(CompiledRuleCache.KEEP).contains(inUse)
                .containsAll(older.subList(older.size() - (CompiledRuleCache.KEEP - 2), older.size()))
                .doesNotContainAnyElementsOf(older.subList(0, older.size() - (CompiledRuleCache.KEEP - 2)));
        assertThat(crashed).doesNotExist();
    }

    /** Loading looks entries up by the full key; recover one that names this entry. */
    private static String fullKeyOf(String fileName) {
        String prefix = fileName.substring("rules-".length(), fileName.length() - ".bin".length());
        return prefix + "0".repeat(64 - prefix.length());
    }
}

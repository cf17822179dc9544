package org.exdiag.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules cut for explain are compiled once per rule set and kept in the compiled-rules cache. */
class ExplainCacheTest {
    @TempDir
    Path cacheDir;

    @Test
    void aSecondExplainerReadsTheCutRulesFromTheCacheAndAnswersTheSame() throws Exception {
        Expertise expertise = TestSupport.expertise(); // loaded before the cache is moved: its own entry stays away
        FactsDocument doc = new FactsReader().read(Files.readAllBytes(Path.of("examples/account-suspended.yaml")), FactsFormat.YAML);
        String before = System.getProperty("exdiag.cache.dir");
        System.setProperty("exdiag.cache.dir", cacheDir.toString());
        try {
            Explanation compiled = new Explainer(expertise).explain(doc, "TEST_EMAIL_NOT_SENT", Explainer.Mode.WHY, Language.EN);
            List<Path> entries = entries();
            assertThat(entries).hasSize(1);
            Path entry = entries.get(0);
            Object stored = Files.readAttributes(entry, BasicFileAttributes.class).fileKey();
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));

            Explanation cached = new Explainer(expertise).explain(doc, "TEST_EMAIL_NOT_SENT", Explainer.Mode.WHY, Language.EN);

            assertThat(cached).isEqualTo(compiled);
            assertThat(compiled.fired()).isTrue();
            assertThat(entries()).containsExactly(entry);
            assertThat(Files.readAttributes(entry, BasicFileAttributes.class).fileKey()).as("read, not written again").isEqualTo(stored);
            assertThat(Files.getLastModifiedTime(entry).toMillis()).as("marked used")
                    .isGreaterThan(System.currentTimeMillis() - 3_600_000L);
        } finally {
            if (before == null) {
                System.clearProperty("exdiag.cache.dir");
            } else {
                System.setProperty("exdiag.cache.dir", before);
            }
        }
    }

    private List<Path> entries() throws Exception {
        return TestSupport.cacheEntries(cacheDir);
    }
}

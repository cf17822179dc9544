package org.exdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.exdiag.TestSupport;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.DocumentSource;
import org.exdiag.batch.Outcome;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.junit.jupiter.api.Test;

/** The examples are what a new user runs first: they must all analyze and show every warning code. */
class ExamplesTest {
    @Test
    void examplesCoverEveryWarningCodeAndSomeAreHealthy() throws Exception {
        BatchAnalysis analysis = new BatchAnalysis(new FactsReader(), TestSupport.expertise(), Language.EN);
        Set<String> codes = new TreeSet<>();
        int healthy = 0;
        int count = 0;
        try (DocumentSource docs = new DocumentSource(java.util.List.of("examples"), 1 << 20)) {
            while (docs.hasNext()) {
                Outcome o = analysis.analyze(docs.next());
                assertThat(o.failed()).as(o.source() + ": " + o.errorMessage()).isFalse();
                o.report().warnings().forEach(w -> codes.add(w.code()));
                healthy += o.report().verdict() == Verdict.HEALTHY ? 1 : 0;
                count++;
            }
        }
        // Every warning code of the knowledge base (one knowledge-base/CODE.yaml each), not a list kept by hand:
        // a new code needs an example, and removing the only example of a code fails here, naming it.
        Set<String> knowledgeCodes = new TreeSet<>();
        TestSupport.expertise().knowledge().entries().forEach(e -> knowledgeCodes.add(e.code()));
        assertThat(knowledgeCodes).as("codes of the knowledge base").isNotEmpty();
        Set<String> missing = new TreeSet<>(knowledgeCodes);
        missing.removeAll(codes);
        assertThat(missing).as("warning codes no report of examples/ shows").isEmpty();
        assertThat(healthy).isGreaterThanOrEqualTo(2);
        assertThat(count).isGreaterThanOrEqualTo(12);
    }

    @Test
    void knowledgeBaseHasBothLanguagesForEveryCode() {
        for (var entry : TestSupport.expertise().knowledge().entries()) {
            assertThat(entry.text(Language.EN).title().source()).isNotBlank();
            assertThat(entry.text(Language.FR).title().source()).isNotBlank().isNotEqualTo(entry.text(Language.EN).title().source());
        }
    }
}

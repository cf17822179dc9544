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
    private static final Set<String> REPORT_V1_CODES = Set.of("SPAM_BLOCKED", "SUBSCRIPTION_EXPIRED",
            "ACCOUNT_SUSPENDED", "SECURITY_POLICY_LOCKOUT", "AUTH_FAILED", "MX_INVALID", "SRV_INVALID",
            "MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED", "SMTP_UNREACHABLE", "TEST_EMAIL_NOT_SENT",
            "TEST_EMAIL_NOT_RECEIVED", "INFRASTRUCTURE_INCIDENT_SUSPECTED");

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
        assertThat(codes).containsAll(REPORT_V1_CODES);
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

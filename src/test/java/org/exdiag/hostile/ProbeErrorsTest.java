package org.exdiag.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.exdiag.TestSupport;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MxRecord;
import org.exdiag.knowledge.Language;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.Probe;
import org.exdiag.probe.ProbeRun;
import org.exdiag.probe.ProgressListener;
import org.exdiag.report.ReportWriter;
import org.exdiag.report.ReportFormat;
import org.junit.jupiter.api.Test;

/**
 * A probe that throws (a bug, a library's surprise) is "could not check" for reason error, its exception
 * logged and never in a report, apart from a probe that ran out of time (issue 26: a crash in the SPF
 * evaluator used to read as "not finished in time").
 */
class ProbeErrorsTest {
    /** An MX lookup that fails the way a probe's bug does: the exception comes out of its work. */
    private static final class Crashing extends Probe<DnsLookup<MxRecord>> {
        private final boolean atStart;

        Crashing(boolean atStart) {
            super("dns mx", "dns.mx");
            this.atStart = atStart;
        }

        @Override
        protected CompletableFuture<DnsLookup<MxRecord>> start(ProbeRun run) {
            if (atStart) {
                throw new ArrayIndexOutOfBoundsException("Index 16 out of bounds for length 16");
            }
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("secret-looking detail 0xDEADBEEF");
            }, run.pool());
        }

        @Override
        protected DnsLookup<MxRecord> notFinished(ProbeRun run) {
            return new DnsLookup<>(LookupStatus.TIMEOUT, List.of());
        }

        @Override
        protected DnsLookup<MxRecord> failed(ProbeRun run) {
            return new DnsLookup<>(LookupStatus.ERROR, List.of());
        }

        @Override
        protected void fill(FactsBuilder facts, DnsLookup<MxRecord> seen, ProbeRun run) {
            facts.mx = seen;
        }

        @Override
        protected String outcome(DnsLookup<MxRecord> seen) {
            return seen.status().wire();
        }
    }

    /** An autodiscover SRV lookup that never answers. */
    private static final class Silent extends Probe<DnsLookup<org.exdiag.facts.SrvRecord>> {
        Silent() {
            super("dns autodiscover srv", "dns.autodiscoverSrv");
        }

        @Override
        protected CompletableFuture<DnsLookup<org.exdiag.facts.SrvRecord>> start(ProbeRun run) {
            return new CompletableFuture<>();
        }

        @Override
        protected DnsLookup<org.exdiag.facts.SrvRecord> notFinished(ProbeRun run) {
            return new DnsLookup<>(LookupStatus.TIMEOUT, List.of());
        }

        @Override
        protected void fill(FactsBuilder facts, DnsLookup<org.exdiag.facts.SrvRecord> seen, ProbeRun run) {
            facts.autodiscoverSrv = seen;
        }

        @Override
        protected String outcome(DnsLookup<org.exdiag.facts.SrvRecord> seen) {
            return seen.status().wire();
        }
    }

    private static FactsDocument run(Probe<?>... probes) {
        FactsBuilder facts = new FactsBuilder("jane@example.com", null, Instant.parse("2026-12-02T10:00:00Z"));
        try (ProbeRun run = new ProbeRun(DiagnosticSettings.defaults(), "jane@example.com", "example.com", null,
                ProgressListener.NONE)) {
            run.gather(List.of(probes), facts, Duration.ofMillis(500));
        }
        return facts.build();
    }

    @Test
    void aProbeThatThrowsIsCouldNotCheckForReasonErrorLoggedAndNeverReported() throws Exception {
        try (CapturedLogs logs = new CapturedLogs(ProbeRun.class.getName(), null)) {
            for (boolean atStart : List.of(true, false)) {
                FactsDocument facts = run(new Crashing(atStart), new Silent());
                assertThat(facts.couldNotCheck()).containsExactly(new CouldNotCheckFacts("dns.mx", "error"));
                assertThat(facts.dns().mx().status()).isEqualTo(LookupStatus.ERROR);
                assertThat(facts.dns().autodiscoverSrv().status()).isEqualTo(LookupStatus.TIMEOUT); // out of time: not an error

                var report = TestSupport.expertise().report(facts, Language.EN);
                assertThat(report.warning("MX_LOOKUP_FAILED")).isPresent(); // could not check, never "MX not valid"
                assertThat(report.warning("MX_INVALID")).isEmpty();
                assertThat(report.couldNotCheck()).anySatisfy(c -> assertThat(c.reason()).isEqualTo("error"));
                String written = ReportWriter.write(report, facts, ReportFormat.JSON, TestSupport.expertise().wording(Language.EN));
                assertThat(written).doesNotContain("0xDEADBEEF").doesNotContain("IllegalStateException")
                        .doesNotContain("ArrayIndexOutOfBounds");
            }
            assertThat(logs.events()).hasSize(2).allSatisfy(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("probe dns mx failed");
                assertThat(e.getThrowableProxy()).isNotNull();
            });
        }
    }
}

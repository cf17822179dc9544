package org.exdiag.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.cli.Cli;
import org.exdiag.probe.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: thousands of generated domains in the lab DNS server ({@link SweepLab}),
 * one in ten broken in one way, one in fifty silent; every domain gets its own root cause, in input order,
 * and the silent ones say "could not check", never "missing".
 */
class SweepEndToEndTest {
    private static final int DOMAINS = 3000;

    @Test
    void everyDomainGetsItsRootCauseInInputOrder(@TempDir Path dir) throws Exception {
        try (TestDnsServer dns = SweepLab.serve(new TestDnsServer(), DOMAINS)) {
            Path input = SweepLab.input(dir.resolve("domains.txt"), DOMAINS);
            Cli run = Cli.run("sweep", input.toString(), "--dns", dns.address(), "--rate", "50000", "--timeout", "0.3",
                    "--retries", "1");

            List<JsonNode> lines = run.jsonLines();
            assertThat(lines).hasSize(DOMAINS);
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < DOMAINS; i++) {
                JsonNode line = lines.get(i);
                SweepLab.Breakage b = SweepLab.breakage(i);
                String why = check(line, SweepLab.domain(i), b);
                if (why != null) {
                    wrong.add(i + " (" + b + "): " + why + " " + line.path("report").path("rootCauses"));
                }
            }
            assertThat(wrong).as("domains whose report is wrong").isEmpty();
            assertThat(run.exitCode()).as("some domains could not be checked").isEqualTo(1);
            assertThat(run.err()).contains("3,000 domains").contains("60 could not be checked").doesNotContain("Exception");
            // The provider's SPF domain is the same for every domain: asked once for the run, not 3,000 times.
            assertThat(dns.queries("mx.ovh.com")).isBetween(1, 3);
            assertThat(dns.queries("d5.sweep.test")).isGreaterThanOrEqualTo(2); // the domain's own MX and TXT
        }
    }

    /** What is wrong with a domain's line, or null. */
    private static String check(JsonNode line, String domain, SweepLab.Breakage b) {
        JsonNode report = line.path("report");
        JsonNode facts = line.path("facts");
        List<String> causes = new ArrayList<>();
        report.path("rootCauses").forEach(c -> causes.add(c.asText()));
        if (!line.path("domain").asText().equals(domain) || !facts.path("domain").asText().equals(domain)) {
            return "out of order: " + line.path("domain");
        }
        if (!facts.get("mailbox").isNull() || !report.get("mailbox").isNull()) {
            return "a mailbox in a sweep";
        }
        return switch (b) {
            case NONE -> causes.isEmpty() && report.path("verdict").asText().equals("healthy")
                    && facts.path("client").path("wildcard").asText().equals("false") ? null : "not healthy";
            case TIMEOUT -> report.path("verdict").asText().equals("incomplete")
                    && causes.containsAll(List.of("MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED", "DNS_LOOKUP_FAILED"))
                    && causes.stream().noneMatch(c -> c.endsWith("_MISSING") || c.endsWith("_INVALID") || c.endsWith("_CONFLICT"))
                    && facts.path("dns").path("mx").path("status").asText().equals("timeout") ? null : "not could-not-check";
            default -> causes.equals(List.of(b.rootCause)) ? null : "expected " + b.rootCause;
        };
    }
}

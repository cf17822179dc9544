package org.exdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.sweep.SweepLab;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exdiag sweep} on the command line (cli-http v2): bad lines, JSON lines, resuming a sweep that
 * stopped half-way, exit codes and usage errors. The lab's domains ({@link SweepLab}) on the loopback DNS
 * server; the whole run's acceptance test is {@code SweepEndToEndTest}.
 */
class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @AutoClose
    private final TestDnsServer dns = SweepLab.serve(new TestDnsServer(), 60);

    SweepCommandTest() throws Exception {
    }

    private Cli sweep(String input, String... more) throws Exception {
        Path file = tmp.resolve("domains.txt");
        Files.writeString(file, input);
        return sweepFile(file, more);
    }

    private Cli sweepFile(Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", file.toString(), "--dns", dns.address(), "--rate", "20000",
                "--timeout", "0.3", "--retries", "1"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void healthyDomainsExitZeroWithOneRecordEachAndTheSummaryOnStandardError() throws Exception {
        Cli r = sweep("# customers of the week\nd0.sweep.test\n\nD1.Sweep.Test.\nd2.sweep.test,hosted,exchange-only\n");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).extracting(n -> n.get("domain").asText()).containsExactly("d0.sweep.test", "d1.sweep.test", "d2.sweep.test");
        assertThat(lines).allSatisfy(n -> assertThat(n.get("report").get("verdict").asText()).isEqualTo("healthy"));
        JsonNode facts = lines.get(2).get("facts");
        assertThat(facts.get("version").asInt()).isEqualTo(3);
        assertThat(facts.get("mailbox").isNull()).isTrue();
        assertThat(facts.get("expect").get("mailSetup").asText()).isEqualTo("exchange-only");
        assertThat(r.err()).contains("3 domains in").contains("3 healthy, 0 with problems, 0 could not be checked; 0 bad lines");
    }

    @Test
    void aBadLineGivesOneErrorRecordNamingItsLineAndTheOthersGoOn() throws Exception {
        Cli r = sweep("d0.sweep.test\nnot a domain!\nd1.sweep.test,private\njane@d2.sweep.test\n{\"domain\": \"d2.sweep.test\", \"colour\": 1}\n"
                + "{\"domain\": \"d3.sweep.test\"\nd4.sweep.test,hosted,exchange-only,,extra\nd5.sweep.test,cloud\nd6.sweep.test\n");
        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).hasSize(9);
        Path file = tmp.resolve("domains.txt");
        assertThat(lines.get(0).get("domain").asText()).isEqualTo("d0.sweep.test");
        assertThat(lines.get(8).get("domain").asText()).isEqualTo("d6.sweep.test");
        assertThat(lines.subList(1, 8)).extracting(n -> n.get("source").asText())
                .containsExactly(file + ":2", file + ":3", file + ":4", file + ":5", file + ":6", file + ":7", file + ":8");
        assertThat(lines.subList(1, 8)).extracting(n -> n.get("error").get("message").asText()).containsExactly(
                "not a domain name: \"not a domain!\"",
                "the private offer needs the private host (domain[,offer[,mailSetup[,privateHost]]])",
                "\"jane@d2.sweep.test\" is an address: give its domain",
                "unknown field \"colour\" (expected domain, offer, mailSetup, privateHost, dkimSelectors)",
                "not JSON: Unexpected end-of-input: expected close marker for Object",
                "5 fields, expected at most 4: domain[,offer[,mailSetup[,privateHost]]]",
                "unknown offer \"cloud\" (expected hosted or private)");
        assertThat(r.err()).contains("7 bad lines").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void jsonLinesSayEachDomainsOfferSetupAndSelectors() throws Exception {
        dns.txt("sel1._domainkey.d0.sweep.test", "v=DKIM1; k=rsa; p=MIIB");
        Cli r = sweep("{\"domain\": \"d0.sweep.test\", \"offer\": \"hosted\", \"mailSetup\": \"with-external-pop-imap\", "
                + "\"dkimSelectors\": [\"sel1\"]}\n{\"domain\": \"d1.sweep.test\"}\n", "--setup", "exchange-only");
        List<JsonNode> lines = r.jsonLines();
        JsonNode first = lines.get(0).get("facts");
        assertThat(first.get("expect").get("mailSetup").asText()).isEqualTo("with-external-pop-imap");
        assertThat(first.get("dns").get("dkim").get(0).get("selector").asText()).isEqualTo("sel1");
        assertThat(first.get("dns").get("dkim").get(0).get("status").asText()).isEqualTo("ok");
        // mx1.mail.ovh.net is no valid MX of the external POP/IMAP setup: the line's own setup was used.
        assertThat(lines.get(0).get("report").get("rootCauses").toString()).contains("MX_INVALID");
        JsonNode second = lines.get(1).get("facts");
        assertThat(second.get("expect").get("mailSetup").asText()).as("--setup for a line that says none").isEqualTo("exchange-only");
        assertThat(second.get("dns").has("dkim")).as("no selector: DKIM not probed").isFalse();
    }

    @Test
    void resumeSkipsTheDomainsAlreadyWrittenCutsAHalfWrittenLineAndAppendsTheRest() throws Exception {
        Path input = SweepLab.input(tmp.resolve("all.txt"), 40);
        Path out = tmp.resolve("out.jsonl");
        Cli first = sweepFile(input, "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1); // d17 is silent
        List<String> whole = Files.readAllLines(out);
        assertThat(whole).hasSize(40);
        // A sweep stopped after 15 domains, in the middle of writing the 16th.
        Files.writeString(out, String.join("\n", whole.subList(0, 15)) + "\n" + whole.get(15).substring(0, 100));
        int askedBefore = dns.queries("d3.sweep.test");
        int sixteenthBefore = dns.queries("d15.sweep.test");

        Cli resumed = sweepFile(input, "--resume", out.toString());

        assertThat(resumed.out()).isEmpty();
        assertThat(resumed.err()).contains("resuming: 15 domains already in").contains("25 domains in").contains("15 domains already done");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(JSON.readTree(lines.get(i)).get("domain").asText()).isEqualTo(SweepLab.domain(i));
        }
        assertThat(lines.subList(0, 15)).isEqualTo(whole.subList(0, 15));
        assertThat(dns.queries("d3.sweep.test")).as("a domain already written is not asked again").isEqualTo(askedBefore);
        assertThat(dns.queries("d15.sweep.test")).as("the half-written one is").isGreaterThan(sixteenthBefore);
        assertThat(new String(Files.readAllBytes(out), StandardCharsets.UTF_8)).endsWith("\n");
    }

    /** A Private Exchange domain: its server's address as receivers see it (issue 26: sendingIp in sweep). */
    @Test
    void aPrivateDomainsServerAddressIsCheckedForItsPtrAndTheBlockLists() throws Exception {
        dns.a("mail.d9.sweep.test", "203.0.113.9").a("9.113.0.203.zen.spamhaus.org", "127.0.0.2")
                .txt("9.113.0.203.zen.spamhaus.org", "Listed by SBL");
        Cli r = sweep("d9.sweep.test,private,exchange-only,mail.d9.sweep.test\nd8.sweep.test\n");
        List<JsonNode> lines = r.jsonLines();
        JsonNode sending = lines.get(0).get("facts").get("sendingIp").get(0);
        assertThat(sending.get("address").asText()).isEqualTo("203.0.113.9");
        assertThat(sending.get("ptr").get("status").asText()).isEqualTo("nxdomain");
        assertThat(lines.get(0).get("report").toString()).contains("SENDER_IP_LISTED", "SENDER_PTR_MISSING", "Listed by SBL");
        assertThat(lines.get(1).get("facts").has("sendingIp")).as("a hosted domain has no address of its own").isFalse();
    }

    @Test
    void standardInputIsReadWithDashAndTheOutputGoesToTheFileOut() throws Exception {
        Path out = tmp.resolve("o.jsonl");
        Cli r = Cli.runWithInput("d7.sweep.test\nd8.sweep.test\n", "sweep", "-", "--dns", dns.address(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() throws Exception {
        Cli rate = Cli.run("sweep", "-", "--rate", "0");
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).contains("rate: 1 to 1000000 queries per second");
        assertThat(Cli.run("sweep", "-", "--timeout", "0.001").err()).contains("timeout: 0.01 to 60 seconds");
        assertThat(sweep("d0.sweep.test\n", "--offer", "cloud").exitCode()).isEqualTo(2);
        Cli privateOffer = sweep("d0.sweep.test\n", "--offer", "private");
        assertThat(privateOffer.exitCode()).isEqualTo(2);
        assertThat(privateOffer.err()).contains("offer private: each line names its own private host (domain,private,,HOST)");
        assertThat(sweep("d0.sweep.test\n", "--dkim-selector", "bad selector").exitCode()).isEqualTo(2);
        Cli both = sweep("d0.sweep.test\n", "--resume", tmp.resolve("a").toString(), "--out", tmp.resolve("b").toString());
        assertThat(both.exitCode()).isEqualTo(2);
        Cli missing = Cli.run("sweep", tmp.resolve("nowhere.txt").toString(), "--dns", dns.address());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.txt: no such file");
    }
}

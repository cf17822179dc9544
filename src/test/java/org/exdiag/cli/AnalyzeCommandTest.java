package org.exdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final String GOOD = "{\"version\":1,\"mailbox\":\"%s@example.com\",\"testEmail\":{\"sent\":false}}";

    @TempDir
    Path tmp;

    @Test
    void singleDocumentPrintsTheReportAlone() throws Exception {
        Cli r = Cli.run("analyze", "examples/mx-pointing-elsewhere.yaml");
        assertThat(r.exitCode()).isZero();
        JsonNode report = r.json();
        assertThat(report.get("version").asInt()).isEqualTo(3);
        assertThat(report.get("verdict").asText()).isEqualTo("problems");
        assertThat(report.get("rootCauses")).hasSize(1);
        assertThat(report.get("rootCauses").get(0).asText()).isEqualTo("MX_INVALID");
        assertThat(report.get("warnings").get(0).get("explains").get(0).asText()).isEqualTo("TEST_EMAIL_NOT_RECEIVED");
        assertThat(r.err()).contains("1 document, 1 report, 0 errors").contains("MX_INVALID 1");
    }

    @Test
    void aBrokenFileInTheMiddleOfABatchYieldsOneErrorAndTheRestAreAnalyzed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("batch"));
        Files.writeString(dir.resolve("a.json"), GOOD.formatted("a"));
        Files.writeString(dir.resolve("b.yaml"), "version: 1\nmailbox: b@example.com\ndns:\n  mx: {status: exploded}\n");
        Files.writeString(dir.resolve("c.yml"), "version: 1\nmailbox: c@example.com\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not a facts file");
        Cli r = Cli.run("analyze", "--jobs", "3", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> out = r.jsonLines();
        assertThat(out).extracting(n -> n.get("source").asText())
                .containsExactly(dir + "/a.json", dir + "/b.yaml", dir + "/c.yml");
        // report-v2: an incident is suspected only when the provider's own server answered; here nothing did
        assertThat(out.get(0).get("report").get("rootCauses").get(0).asText()).isEqualTo("TEST_EMAIL_NOT_SENT");
        assertThat(out.get(1).has("report")).isFalse();
        assertThat(out.get(1).get("error").get("field").asText()).isEqualTo("dns.mx.status");
        assertThat(out.get(1).get("error").get("message").asText()).contains("\"exploded\"");
        assertThat(out.get(2).get("report").get("verdict").asText()).isEqualTo("healthy");
        assertThat(r.err()).contains("3 documents, 2 reports, 1 error").doesNotContain("Exception");
    }

    @Test
    void jsonLinesAreNamedByLineAndABadLineLosesNothing() throws Exception {
        Path file = tmp.resolve("day.jsonl");
        Files.writeString(file, GOOD.formatted("one") + "\n\n{\"version\":1,\"mailbox\":\n" + GOOD.formatted("three") + "\n");
        Cli r = Cli.run("analyze", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> out = r.jsonLines();
        assertThat(out).extracting(n -> n.get("source").asText()).containsExactly(file + ":1", file + ":3", file + ":4");
        assertThat(out.get(1).get("error").get("message").asText()).contains("syntax error");
        assertThat(out.get(2).get("report").get("mailbox").asText()).isEqualTo("three@example.com");
    }

    @Test
    void dashReadsStandardInputAsJsonLinesOrAsOneDocument() throws Exception {
        Cli batch = Cli.runWithInput(GOOD.formatted("one") + "\n" + GOOD.formatted("two") + "\n", "analyze", "-");
        assertThat(batch.exitCode()).isZero();
        assertThat(batch.jsonLines()).extracting(n -> n.get("source").asText()).containsExactly("-:1", "-:2");
        assertThat(batch.jsonLines().get(1).get("report").get("mailbox").asText()).isEqualTo("two@example.com");

        Cli one = Cli.runWithInput(Files.readString(Path.of("examples/mx-pointing-elsewhere.yaml")), "analyze", "-");
        assertThat(one.exitCode()).isZero();
        JsonNode report = one.json();
        assertThat(report.get("rootCauses").toString()).contains("MX_INVALID");
    }

    @Test
    void missingAndUnsupportedFilesAreErrorRecords() throws Exception {
        Path txt = Files.writeString(tmp.resolve("facts.txt"), "x");
        Cli r = Cli.run("analyze", "--format", "jsonl", tmp.resolve("nope.json").toString(), txt.toString(),
                "examples/healthy-hosted.yaml");
        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> out = r.jsonLines();
        assertThat(out.get(0).get("error").get("message").asText()).isEqualTo("no such file or folder");
        assertThat(out.get(1).get("error").get("message").asText()).contains("unsupported file type");
        assertThat(out.get(2).get("report").get("verdict").asText()).isEqualTo("healthy");
    }

    @Test
    void oversizedFileIsRefusedWithoutReadingIt() throws Exception {
        Path big = tmp.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), 64L << 20); // sparse 64 MiB
        }
        Cli r = Cli.run("analyze", big.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.jsonLines().get(0).get("error").get("message").asText()).contains("document too large");
    }

    @Test
    void sameInputGivesTheSameOutputWhateverTheThreadCount() throws Exception {
        Cli one = Cli.run("analyze", "--jobs", "1", "examples");
        Cli many = Cli.run("analyze", "--jobs", "4", "examples");
        Cli again = Cli.run("analyze", "--jobs", "4", "examples");
        assertThat(one.exitCode()).isZero();
        assertThat(many.out()).isEqualTo(one.out());
        assertThat(again.out()).isEqualTo(one.out());
        assertThat(one.jsonLines()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void textReportPutsRootCausesFirst() {
        Cli r = Cli.run("analyze", "--format", "text", "examples/subscription-expired.json");
        assertThat(r.exitCode()).isZero();
        String out = r.out();
        assertThat(out).startsWith("old@example.net: problems found");
        assertThat(out.indexOf("SUBSCRIPTION_EXPIRED")).isLessThan(out.indexOf("Explained by the root causes"));
        assertThat(out.indexOf("Explained by the root causes")).isLessThan(out.indexOf("] TEST_EMAIL_NOT_SENT"));
    }

    @Test
    void frenchTextComesFromTheKnowledgeBase() {
        Cli r = Cli.run("analyze", "--format", "text", "--lang", "fr", "examples/spam-blocked.yaml");
        assertThat(r.out()).contains("problèmes trouvés").contains("Envoi bloqué : le compte a été signalé pour spam");
    }

    @Test
    void markdownIsAHelpRequestWithTheEvidenceAndTheFacts() {
        Cli r = Cli.run("analyze", "--format", "markdown", "examples/spam-blocked.yaml");
        assertThat(r.out()).startsWith("## Help request: mail for sales@example.org")
                .contains("**SPAM_BLOCKED**")
                .contains("550 5.7.501 Access denied, spam abuse detected.")
                .contains("- **MX:** found: 1 mx1.mail.ovh.net.");
    }

    @Test
    void yamlReportAlone() {
        Cli r = Cli.run("analyze", "--format", "yaml", "examples/healthy-hosted.yaml");
        // report-v2: a healthy report still has its lists, empty
        assertThat(r.out()).startsWith("version: 3\nmailbox: jane@example.com\nverdict: healthy\nrootCauses: []\nwarnings: []\n"
                + "couldNotCheck: []\n");
    }

    @Test
    void aBounceAloneIsExplainedAndCanBeAddedToSavedFacts() throws Exception {
        Cli alone = Cli.run("bounce", "--no-lookup", "--format", "json", "src/test/resources/ndr/exim-bounce.eml");
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        JsonNode report = alone.json();
        assertThat(report.get("mailbox").asText()).isEqualTo("jane@example.com");
        assertThat(report.get("rootCauses").get(0).asText()).isEqualTo("SENDER_IP_LISTED");
        Path saved = tmp.resolve("saved.yaml");
        Cli added = Cli.run("bounce", "--no-lookup", "--facts", "examples/healthy-hosted.yaml", "--save-facts", saved.toString(),
                "--format", "json", "src/test/resources/ndr/pasted-reply.txt");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.json().get("rootCauses").get(0).asText()).isEqualTo("REMOTE_REJECTED_UNAUTHENTICATED");
        assertThat(Files.readString(saved)).contains("version: 3").contains("bounces:").contains("5.7.26");
        // Whose mailbox it is, a pasted reply does not say: the report names none, and says how to name one.
        Cli nobody = Cli.run("bounce", "--no-lookup", "--format", "json", "src/test/resources/ndr/pasted-reply.txt");
        assertThat(nobody.exitCode()).as(nobody.err()).isZero();
        assertThat(nobody.json().get("mailbox").isNull()).isTrue();
        assertThat(nobody.json().get("rootCauses").get(0).asText()).isEqualTo("REMOTE_REJECTED_UNAUTHENTICATED");
        assertThat(nobody.err()).contains("--mailbox");
    }

    /** Issue 14: a pasted Gmail 5.7.26 bounce for a domain without SPF is explained by the missing record. */
    @Test
    void aPastedGmailBounceIsExplainedByTheDomainsMissingSpfRecord() throws Exception {
        try (org.exdiag.probe.TestDnsServer dns = new org.exdiag.probe.TestDnsServer()) {
            dns.txt("example.com", "google-site-verification=abc123").txt("_dmarc.example.com", "v=DMARC1; p=none")
                    .txt("mx.ovh.com", "v=spf1 ip4:198.51.100.0/24 ~all");
            Cli r = Cli.run("bounce", "--dns", dns.address(), "--mailbox", "jane@example.com", "--format", "json",
                    "src/test/resources/ndr/pasted-reply.txt");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains("looking up the records of example.com");
            JsonNode report = r.json();
            assertThat(report.get("rootCauses").toString()).isEqualTo("[\"SPF_MISSING\"]");
            JsonNode spf = report.get("warnings").get(0);
            assertThat(spf.get("code").asText()).isEqualTo("SPF_MISSING");
            assertThat(spf.get("explains").toString()).isEqualTo("[\"REMOTE_REJECTED_UNAUTHENTICATED\"]");
            assertThat(spf.get("evidence").get(0).asText()).startsWith("example.com publishes no SPF record");
        }
    }

    @Test
    void withoutACommandEveryCommandIsNamed() {
        Cli r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("analyze").contains("diagnose").contains("bounce").contains("serve").contains("rules");
    }

    @Test
    void optionsAreTakenOnlyWhereTheyMeanSomething() {
        assertThat(Cli.run("rules", "check", "--format", "json").exitCode()).isEqualTo(2);
        assertThat(Cli.run("rules", "check", "--lang", "fr").exitCode()).isEqualTo(2);
        assertThat(Cli.run("serve", "--format", "json", "--port", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void itSaysWhichRulesAreInUse() {
        Cli r = Cli.run("analyze", "examples/healthy-hosted.yaml");
        assertThat(r.err()).contains("exdiag: rules rules (").contains("knowledge base knowledge-base");
        Cli bundled = Cli.run("analyze", "--rules", "rules", "examples/healthy-hosted.yaml");
        assertThat(bundled.exitCode()).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Cli.run("analyze").exitCode()).isEqualTo(2);
        assertThat(Cli.run("analyze", "--format", "pdf", "examples").exitCode()).isEqualTo(2);
        assertThat(Cli.run("analyze", "--lang", "de", "examples").err()).contains("unknown language");
        assertThat(Cli.run("analyze", "--help").out()).contains("--jobs").contains("--rules").contains("--format");
    }

    @Test
    void outputCanGoToAFile() throws Exception {
        Path out = tmp.resolve("reports.jsonl");
        Cli r = Cli.run("analyze", "--out", out.toString(), "examples/captured");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(5);
    }
}

package org.exdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a support engineer does: edit a copy of the rules and texts, check, test, and analyze with them. */
class RulesCommandTest {
    @TempDir
    Path tmp;

    /** A copy of one of the project's folders (rules, knowledge-base) that the test then edits. */
    private Path copyOf(String folder) throws IOException {
        return TestSupport.copyTree(Path.of(folder), tmp.resolve(folder));
    }

    /** {@code rules check} with these options refuses the rules (exit code 2); what it wrote on standard error. */
    private static String checkRefuses(String... options) {
        Cli r = Cli.run(Stream.concat(Stream.of("rules", "check"), Stream.of(options)).toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        return r.err();
    }

    @Test
    void checkPassesOnTheShippedRules() {
        Cli r = Cli.run("rules", "check");
        assertThat(r.exitCode()).isZero();
        // As many codes and entries as the folders hold: adding a code is a data change, never a test change.
        int entries = TestSupport.expertise().knowledge().entries().size();
        int codes = TestSupport.expertise().rules().codes().size();
        assertThat(r.out()).startsWith("ok: ").contains(codes + " warning codes").contains(entries + " knowledge-base entries");
    }

    @Test
    void testRunsTheScenariosAndCountsThem() {
        Cli r = Cli.run("rules", "test");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("no scenario fired");
    }

    @Test
    void aNewRuleAndAChangedTextAreSeenWithoutRebuilding() throws Exception {
        Path rules = copyOf("rules");
        Path kb = copyOf("knowledge-base");
        Files.writeString(rules.resolve("webmail.drl"),
                TestSupport.webmailRule("Webmail did not answer", "WEBMAIL_UNREACHABLE", "WEBMAIL_CHECK_FAILED"));
        Files.writeString(kb.resolve("WEBMAIL_UNREACHABLE.yaml"), """
                code: WEBMAIL_UNREACHABLE
                severity: warning
                en:
                  title: Webmail did not answer
                  explanation: The webmail check failed.
                  remediation: [Try again later.]
                  evidence: {WEBMAIL_CHECK_FAILED: "webmail check failed: {detail}"}
                fr:
                  title: Le webmail n'a pas répondu
                  explanation: La vérification du webmail a échoué.
                  remediation: [Réessayez plus tard.]
                  evidence: {WEBMAIL_CHECK_FAILED: "la vérification du webmail a échoué : {detail}"}
                """);
        Path mx = kb.resolve("MX_INVALID.yaml");
        Files.writeString(mx, Files.readString(mx).replace("Remove MX records that point to other hosts.",
                "Delete every MX record of the old host (edited by support)."));
        Path facts = Files.writeString(tmp.resolve("facts.yaml"), """
                version: 1
                mailbox: jane@example.com
                dns: {mx: {status: ok, records: [{preference: 5, host: mail.old-host.example}]}}
                auth: {webmail: {result: error, detail: "HTTP 503"}}
                """);
        Cli r = Cli.run("analyze", "--rules", rules.toString(), "--kb", kb.toString(), facts.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"WEBMAIL_UNREACHABLE\"").contains("webmail check failed: HTTP 503")
                .contains("Delete every MX record of the old host (edited by support).");

        // The bundled texts are untouched.
        assertThat(Cli.run("analyze", facts.toString()).out()).doesNotContain("WEBMAIL_UNREACHABLE")
                .contains("Remove MX records that point to other hosts.");
        // And `rules test` names the new rule as not covered by any scenario yet.
        Cli test = Cli.run("rules", "test", "--rules", rules.toString(), "--kb", kb.toString());
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.out()).contains("Webmail did not answer");
    }

    @Test
    void checkFailsWithFileAndLineOnABrokenRule() throws Exception {
        Path rules = copyOf("rules");
        Files.writeString(rules.resolve("dns.drl"), Files.readString(rules.resolve("dns.drl"))
                .replace("MxLookup( failed,", "MxLookup( failed !!,"));
        String err = checkRefuses("--rules", rules.toString());
        assertThat(err).containsPattern("error: " + java.util.regex.Pattern.quote(rules + "/dns.drl") + ":\\d+: ");
        assertThat(err).doesNotContain("Exception");
    }

    @Test
    void checkFailsOnACodeWithoutKnowledgeEntry() throws Exception {
        Path kb = copyOf("knowledge-base");
        Files.delete(kb.resolve("SRV_INVALID.yaml"));
        assertThat(checkRefuses("--kb", kb.toString())).contains("no knowledge-base entry for SRV_INVALID");
    }

    @Test
    void aKnowledgeEntryMissingALanguageIsRefused() throws Exception {
        Path kb = copyOf("knowledge-base");
        Path auth = kb.resolve("AUTH_FAILED.yaml");
        String text = Files.readString(auth);
        Files.writeString(auth, text.substring(0, text.indexOf("\nfr:")) + "\n");
        assertThat(checkRefuses("--kb", kb.toString())).contains(kb + "/AUTH_FAILED.yaml: fr: missing");
    }

    @Test
    void failingScenarioIsReportedOnOneLine() throws Exception {
        Path tests = Files.createDirectories(tmp.resolve("tests"));
        Files.writeString(tests.resolve("wrong.yaml"), """
                scenarios:
                  - name: expects the wrong root cause
                    facts: {version: 1, mailbox: a@example.com, testEmail: {sent: false}}
                    expect: {rootCauses: [SPAM_BLOCKED]}
                """);
        Cli r = Cli.run("rules", "test", tests.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL " + tests + "/wrong.yaml: expects the wrong root cause: root causes: expected [SPAM_BLOCKED], got [TEST_EMAIL_NOT_SENT]")
                .contains("0 passed, 1 failed");
    }

    @Test
    void aScenarioMissingACodeIsFollowedByWhyNot() throws Exception {
        Path tests = Files.createDirectories(tmp.resolve("tests"));
        Files.writeString(tests.resolve("missing.yaml"), """
                scenarios:
                  - name: expects a spam block the account does not have
                    facts: {version: 1, mailbox: a@example.com, account: {state: active, spamBlocked: false}}
                    expect: {warnings: [SPAM_BLOCKED]}
                """);
        Cli r = Cli.run("rules", "test", tests.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("warnings: expected [SPAM_BLOCKED], got []")
                .contains("    Why not SPAM_BLOCKED?")
                .contains("    Rule \"Account flagged for spam\" (rules/account.drl:")
                .contains("         did not hold: Account(spamBlocked=false)");
    }

    @Test
    void explainAnswersOnTheCommandLineInEveryFormat() throws Exception {
        Cli why = Cli.run("explain", "--why", "mx_invalid", "examples/mx-pointing-elsewhere.yaml");
        assertThat(why.exitCode()).as(why.err()).isZero();
        assertThat(why.out()).startsWith("Why MX_INVALID?\nMX_INVALID was raised on these facts.")
                .contains("Rule \"MX host outside the valid set\" (rules/dns.drl:").contains("held: MxHost(preference=10, host=mail.other-host.net)")
                .contains("MX_INVALID → TEST_EMAIL_NOT_RECEIVED (rule Invalid MX explains the missing test email)");
        Cli json = Cli.run("explain", "--why-not", "SPAM_BLOCKED", "--format", "json", "examples/healthy-hosted.yaml");
        assertThat(json.out()).contains("\"code\" : \"SPAM_BLOCKED\"").contains("\"fired\" : false").contains("\"held\" : false");
        assertThat(Cli.run("explain", "--why-not", "SPAM_BLOCKED", "--format", "markdown", "examples/healthy-hosted.yaml").out())
                .startsWith("## Why not SPAM_BLOCKED?");
        Cli unknown = Cli.run("explain", "--why", "NOPE", "examples/healthy-hosted.yaml");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rule raises NOPE");
        Cli both = Cli.run("explain", "--why", "MX_INVALID", "--why-not", "MX_INVALID", "examples/healthy-hosted.yaml");
        assertThat(both.exitCode()).isEqualTo(2);
    }
}

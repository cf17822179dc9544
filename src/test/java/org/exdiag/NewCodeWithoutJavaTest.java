package org.exdiag;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exdiag.cli.Cli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new warning code the documented way, and nothing else: a DRL file, a knowledge-base entry, a
 * scenario and an example facts file (ExamplesTest wants every code shown by some example), added to a
 * temporary copy of the project. The copy passes {@code rules check}, {@code rules test}, and the whole
 * {@code mvn verify}: no test hard-codes the codes, no Java change is needed.
 */
@Tag("slow")
class NewCodeWithoutJavaTest {
    /** Set in the copy's build, so that the copy does not copy itself again. */
    private static final String INNER = "EXDIAG_NEW_CODE_COPY";

    static final String RULE = "// Added by NewCodeWithoutJavaTest: a webmail that does not answer.\n"
            + TestSupport.webmailRule("Webmail gave no answer", "WEBMAIL_NOT_ANSWERING", "WEBMAIL_NO_ANSWER");
    static final String ENTRY = """
            code: WEBMAIL_NOT_ANSWERING
            severity: warning
            en:
              title: The webmail did not answer
              explanation: The webmail could not be reached, so the password could not be checked there.
              remediation: [Open the webmail in a browser, then run the diagnostic again.]
              evidence:
                WEBMAIL_NO_ANSWER: "the webmail check failed[: {detail}]"
            fr:
              title: Le webmail n'a pas répondu
              explanation: Le webmail était injoignable, le mot de passe n'a donc pas pu y être vérifié.
              remediation: [Ouvrez le webmail dans un navigateur, puis relancez le diagnostic.]
              evidence:
                WEBMAIL_NO_ANSWER: "la vérification du webmail a échoué[ : {detail}]"
            """;
    static final String SCENARIO = """
            base: {version: 2, mailbox: jane@example.com, collectedAt: 2026-11-26T10:15:00Z}
            scenarios:
              - name: a webmail that does not answer
                facts: {auth: {webmail: {result: error, detail: "HTTP 503"}}}
                expect:
                  warnings: [WEBMAIL_NOT_ANSWERING]
                  rootCauses: [WEBMAIL_NOT_ANSWERING]
                  rules: [Webmail gave no answer]
                  evidence: ["the webmail check failed: HTTP 503"]
            """;

    static final String EXAMPLE = """
            # Added by NewCodeWithoutJavaTest: the webmail answered HTTP 503 (WEBMAIL_NOT_ANSWERING).
            version: 2
            mailbox: jane@example.com
            collectedAt: '2026-11-26T10:15:00Z'
            auth: {webmail: {result: error, detail: HTTP 503}}
            """;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aNewCodeNeedsADrlFileAnEntryAndAScenario() throws Exception {
        Assumptions.assumeTrue(System.getenv(INNER) == null, "this is the copy's own build");
        Path copy = tmp.resolve("exdiag");
        for (String part : List.of("pom.xml", "exdiag", "src", "rules", "knowledge-base", "examples", "docs", "README.md")) {
            Path from = Path.of(part);
            if (Files.isDirectory(from)) {
                TestSupport.copyTree(from, copy.resolve(part));
            } else {
                Files.createDirectories(copy);
                Files.copy(from, copy.resolve(part));
            }
        }
        Files.writeString(copy.resolve("rules/webmail.drl"), RULE);
        Files.writeString(copy.resolve("knowledge-base/WEBMAIL_NOT_ANSWERING.yaml"), ENTRY);
        Files.writeString(copy.resolve("rules/tests/webmail.yaml"), SCENARIO);
        Files.writeString(copy.resolve("examples/webmail-not-answering.yaml"), EXAMPLE);
        // the row `python3 docs/warning-codes.py --write` would add to the report format's table
        Files.writeString(copy.resolve("docs/report-format.md"), "| `WEBMAIL_NOT_ANSWERING` | warning | the webmail gave no answer |\n",
                java.nio.file.StandardOpenOption.APPEND);

        String rules = copy.resolve("rules").toString();
        String kb = copy.resolve("knowledge-base").toString();
        Cli check = Cli.run("rules", "check", "--rules", rules, "--kb", kb);
        assertThat(check.exitCode()).as(check.err()).isZero();
        Cli test = Cli.run("rules", "test", "--rules", rules, "--kb", kb);
        assertThat(test.exitCode()).as(test.out()).isZero();
        assertThat(test.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");

        Path log = tmp.resolve("copy-build.log");
        ProcessBuilder build = new ProcessBuilder("mvn", "-B", "-q", "verify").directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put(INNER, "1");
        Process process = build.start();
        assertThat(process.waitFor(19, TimeUnit.MINUTES)).as("the copy's build finished").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output.length() > 20_000 ? output.substring(output.length() - 20_000) : output).isZero();
    }
}

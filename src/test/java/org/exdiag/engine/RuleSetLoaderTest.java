package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetLoaderTest {
    @TempDir
    Path tmp;

    private Path copyRules() throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(TestSupport.RULES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }

    /** A copy of the project's rules with one more file. */
    private Path rulesWith(String file, String text) throws IOException {
        Path rules = copyRules();
        Files.writeString(rules.resolve(file), text);
        return rules;
    }

    /** Why these rules, loaded as folder "r", are refused. */
    private static LoadException refusal(Path rules) {
        return catchThrowableOfType(LoadException.class, () -> RuleSetLoader.load(rules, "r"));
    }

    @Test
    void linksAreRowsOfLinksYamlAndABadRowIsNamedWithItsLine() throws Exception {
        RuleSet rules = RuleSetLoader.load(TestSupport.RULES, "rules");
        assertThat(rules.links().rowsFor("MX_INVALID")).extracting(org.exdiag.rules.LinkRow::effect).contains("TEST_EMAIL_NOT_RECEIVED");
        assertThat(rules.ruleNames()).contains("Invalid MX explains the missing test email", "A link of links.yaml");

        LoadException e = refusal(rulesWith(RuleSetLoader.LINKS, """
                links:
                  - {name: "ok", cause: MX_INVALID, effect: TEST_EMAIL_NOT_RECEIVED}
                  - {name: "no effect", cause: MX_INVALID}
                  - {name: "ok", cause: SPF_MISSING, effect: REMOTE_REJECTED_UNAUTHENTICATED}
                  - {name: "itself", cause: MX_INVALID, effect: MX_INVALID}
                  - {cause: MX_INVALID, effect: AUTH_FAILED}
                """));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                "r/links.yaml:3: links[1]: cause and effect: warning codes (MX_INVALID) are required",
                "r/links.yaml:4: links[2]: name: \"ok\" is the name of another link",
                "r/links.yaml:5: links[3]: a warning cannot explain itself",
                "r/links.yaml:6: links[4]: name: required (what explain and the scenarios call the link)");
    }

    @Test
    void aLinkMayNotTakeARulesName() throws Exception {
        assertThat(refusal(rulesWith(RuleSetLoader.LINKS, "links:\n  - {name: \"MX record missing\", cause: MX_INVALID, effect: AUTH_FAILED}\n"))
                .problems()).extracting(Object::toString).containsExactly("r/links.yaml: link \"MX record missing\" has the name of a rule");
    }

    @Test
    void projectRulesLoadWithEveryReportCode() throws Exception {
        RuleSet rules = RuleSetLoader.load(TestSupport.RULES, "rules");
        // the report-v1 codes at least: a new code is data (a DRL file, an entry, a scenario), never a test change
        assertThat(rules.codes()).contains("SPAM_BLOCKED", "SUBSCRIPTION_EXPIRED", "ACCOUNT_SUSPENDED",
                "SECURITY_POLICY_LOCKOUT", "AUTH_FAILED", "MX_INVALID", "SRV_INVALID", "MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED",
                "SMTP_UNREACHABLE", "TEST_EMAIL_NOT_SENT", "TEST_EMAIL_NOT_RECEIVED", "INFRASTRUCTURE_INCIDENT_SUSPECTED");
        assertThat(rules.expectedValues().isValidMx("exchange-only", "mx1.mail.ovh.net")).isTrue();
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        Path rules = rulesWith("broken.drl", """
                package exdiag;

                import org.exdiag.rules.*;

                rule "Broken"
                when
                    MxLookup( status == "ok"
                then
                end
                """);
        LoadException e = catchThrowableOfType(LoadException.class, () -> RuleSetLoader.load(rules, "my-rules"));
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("my-rules/broken.drl"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.line()).isBetween(7, 9));
    }

    @Test
    void unknownFieldInARuleIsReported() throws Exception {
        LoadException e = refusal(rulesWith("typo.drl", """
                package exdiag;
                import org.exdiag.rules.*;
                rule "Typo"
                when
                    MxLookup( statuz == "ok" )
                then
                end
                """));
        assertThat(e.getMessage()).contains("r/typo.drl").contains("statuz");
    }

    @Test
    void dataFilesAreCheckedToo() throws Exception {
        Path rules = rulesWith(RuleSetLoader.SMTP_REPLIES, "categories: {x: a category}\npatterns:\n  - {name: bad, category: x, text: '(unclosed'}\n");
        Files.delete(rules.resolve(RuleSetLoader.EXPECTED_VALUES));
        LoadException e = refusal(rules);
        assertThat(e.problems()).extracting(Problem::file)
                .contains("r/" + RuleSetLoader.SMTP_REPLIES, "r/" + RuleSetLoader.EXPECTED_VALUES);
        assertThat(e.getMessage()).contains("bad pattern").contains("missing");
    }

    @Test
    void aCodeWithoutKnowledgeEntryIsRefused() throws Exception {
        Path rules = rulesWith("new.drl", """
                package exdiag;
                import org.exdiag.rules.*;
                import function org.exdiag.rules.Raise.raise;
                rule "Webmail unreachable"
                when
                    AuthAttempt( channel == "webmail", result == "error" )
                then
                    raise(drools, "WEBMAIL_UNREACHABLE", "probe", "WEBMAIL_SILENT");
                end
                """);
        LoadException e = catchThrowableOfType(LoadException.class,
                () -> org.exdiag.Expertise.load(rules, "r", TestSupport.KB, "knowledge-base"));
        assertThat(e.getMessage()).contains("r/new.drl:8").contains("no knowledge-base entry for WEBMAIL_UNREACHABLE");
    }

    /** A typo in a then part: one message, at the line of the statement, not the rule's first line. */
    @Test
    void aTypoInAThenPartIsReportedAtItsLine() throws Exception {
        LoadException e = refusal(rulesWith("typo.drl", """
                package exdiag;
                import org.exdiag.rules.*;
                import function org.exdiag.rules.Raise.raise;

                rule "Typo in the consequence"
                when
                    MxLookup( status == "ok" )
                then
                    raise(drools, "MX_INVALID", "probe", "MX_MISSING", "domain", "x", "status", "ok", "expected", null);
                    rais(drools, "MX_INVALID", "probe", "MX_MISSING");
                end
                """));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).file()).isEqualTo("r/typo.drl");
        assertThat(e.problems().get(0).line()).isEqualTo(10);
        assertThat(e.problems().get(0).message()).contains("Typo in the consequence").contains("rais(");
    }

    /** An unclosed string made Drools' parallel build throw: now it is a problem at its line. */
    @Test
    void anUnclosedStringIsReportedAtItsLineWithoutATrace() throws Exception {
        LoadException e = refusal(rulesWith("open.drl", """
                package exdiag;
                import org.exdiag.rules.*;
                import function org.exdiag.rules.Raise.raise;

                rule "Unclosed"
                when
                    MxLookup( status == "ok" )
                then
                    raise(drools, "MX_INVALID", "probe", "MX_MISSING);
                end
                """));
        assertThat(e.problems()).extracting(Problem::toString).anyMatch(p -> p.startsWith("r/open.drl:9: ") && p.contains("not closed"));
    }

    @Test
    void raiseCallsAreCheckedForTheirShape() throws Exception {
        LoadException e = refusal(rulesWith("shape.drl", """
                package exdiag;
                import org.exdiag.rules.*;
                import function org.exdiag.rules.Raise.raise;

                rule "Code in a variable"
                when
                    MxLookup( $status : status )
                then
                    raise(drools, $status, "probe", "MX_MISSING");
                end

                rule "Odd values"
                when
                    MxLookup( $status : status )
                then
                    raise(drools, "MX_INVALID", "probe", "MX_MISSING", "status");
                end

                rule "Unknown source"
                when
                    MxLookup( $status : status )
                then
                    raise(drools, "MX_INVALID", "somebody", "MX_MISSING");
                end
                """));
        assertThat(e.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith("r/shape.drl:9: ") && p.contains("written as strings"))
                .anyMatch(p -> p.startsWith("r/shape.drl:16: ") && p.contains("pairs"))
                .anyMatch(p -> p.startsWith("r/shape.drl:23: ") && p.contains("source \"somebody\""));
    }

    /** A category typo in smtp-replies.yaml would silently stop the rules from seeing a reply. */
    @Test
    void aCategoryNobodyDeclaredIsRefusedWithItsLine() throws Exception {
        Path rules = copyRules();
        Path replies = rules.resolve(RuleSetLoader.SMTP_REPLIES);
        String text = Files.readString(replies);
        Files.writeString(replies, text.replaceFirst("category: spam-block", "category: spam-blok"));
        int line = (int) text.substring(0, text.indexOf("category: spam-block")).lines().count() + 1;
        LoadException e = refusal(rules);
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo("r/" + RuleSetLoader.SMTP_REPLIES);
        assertThat(p.line()).isBetween(line - 3, line);
        assertThat(p.message()).contains("\"spam-blok\" is not declared");
    }
}

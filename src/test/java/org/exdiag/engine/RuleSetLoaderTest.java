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

    @Test
    void projectRulesLoadWithEveryReportCode() throws Exception {
        RuleSet rules = RuleSetLoader.load(TestSupport.RULES, "rules");
        assertThat(rules.codes()).containsExactlyInAnyOrder("SPAM_BLOCKED", "SUBSCRIPTION_EXPIRED", "ACCOUNT_SUSPENDED",
                "SECURITY_POLICY_LOCKOUT", "AUTH_FAILED", "MX_INVALID", "SRV_INVALID", "MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED",
                "SMTP_UNREACHABLE", "TEST_EMAIL_NOT_SENT", "TEST_EMAIL_NOT_RECEIVED", "INFRASTRUCTURE_INCIDENT_SUSPECTED");
        assertThat(rules.expectedValues().isValidMx("exchange-only", "mx1.mail.ovh.net")).isTrue();
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        Path rules = copyRules();
        Files.writeString(rules.resolve("broken.drl"), """
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
        Path rules = copyRules();
        Files.writeString(rules.resolve("typo.drl"), """
                package exdiag;
                import org.exdiag.rules.*;
                rule "Typo"
                when
                    MxLookup( statuz == "ok" )
                then
                end
                """);
        LoadException e = catchThrowableOfType(LoadException.class, () -> RuleSetLoader.load(rules, "r"));
        assertThat(e.getMessage()).contains("r/typo.drl").contains("statuz");
    }

    @Test
    void dataFilesAreCheckedToo() throws Exception {
        Path rules = copyRules();
        Files.writeString(rules.resolve(RuleSetLoader.SMTP_REPLIES), "categories: {x: a category}\npatterns:\n  - {name: bad, category: x, text: '(unclosed'}\n");
        Files.delete(rules.resolve(RuleSetLoader.EXPECTED_VALUES));
        LoadException e = catchThrowableOfType(LoadException.class, () -> RuleSetLoader.load(rules, "r"));
        assertThat(e.problems()).extracting(Problem::file)
                .contains("r/" + RuleSetLoader.SMTP_REPLIES, "r/" + RuleSetLoader.EXPECTED_VALUES);
        assertThat(e.getMessage()).contains("bad pattern").contains("missing");
    }

    @Test
    void aCodeWithoutKnowledgeEntryIsRefused() throws Exception {
        Path rules = copyRules();
        Files.writeString(rules.resolve("new.drl"), """
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
}

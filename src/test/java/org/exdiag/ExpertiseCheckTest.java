package org.exdiag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules check holds rules and knowledge base against each other: no reader ever sees a tag or a place. */
class ExpertiseCheckTest {
    @TempDir
    Path tmp;
    Path rules;
    Path kb;

    @BeforeEach
    void copies() throws Exception {
        rules = TestSupport.copyTree(TestSupport.RULES, tmp.resolve("rules"));
        kb = TestSupport.copyTree(TestSupport.KB, tmp.resolve("kb"));
    }

    private LoadException refused() {
        return catchThrowableOfType(LoadException.class, () -> Expertise.load(rules, "r", kb, "k"));
    }

    private void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aTagWithoutATemplateInOneLanguageIsRefusedAtTheRule() throws Exception {
        edit(kb.resolve("MX_INVALID.yaml"), "    MX_HOST_NOT_VALID: \"{domain} MX {preference} {host} (attendu : {expected|or})\"\n", "");
        LoadException e = refused();
        assertThat(e).isNotNull();
        Problem p = e.problems().stream().filter(x -> x.message().contains("MX_HOST_NOT_VALID")).findFirst().orElseThrow();
        assertThat(p.file()).isEqualTo("k/MX_INVALID.yaml");
        assertThat(p.message()).contains("fr.evidence").contains("en has it");
    }

    @Test
    void aTagNoTemplateHasIsNamedWithTheRuleAndLine() throws Exception {
        edit(rules.resolve("dns.drl"), "\"MX_HOST_NOT_VALID\"", "\"MX_HOST_NOT_GOOD\"");
        LoadException e = refused();
        assertThat(e.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.matches("r/dns\\.drl:\\d+: rule \"MX host outside the valid set\" gives tag MX_HOST_NOT_GOOD, which has no en template.*"))
                .anyMatch(p -> p.contains("MX_HOST_NOT_GOOD, which has no fr template"));
    }

    @Test
    void aTemplateUsingAValueTheRuleDoesNotGiveIsRefused() throws Exception {
        edit(kb.resolve("MX_INVALID.yaml"), "\"{domain} MX {preference} {host} (expected {expected|or})\"",
                "\"{domain} MX {preference} {host} (expected {expected|or}, TTL {ttl})\"");
        LoadException e = refused();
        assertThat(e.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("gives tag MX_HOST_NOT_VALID with {domain, preference, host, expected}")
                        && m.contains("its en template uses {ttl}"));
    }

    @Test
    void aTextNamingAnExpectedValueThatDoesNotExistIsRefused() throws Exception {
        edit(kb.resolve("MX_INVALID.yaml"), "{expected.mx.exchange-only|or} for Exchange alone", "{expected.mx.exchange-alone|or} for Exchange alone");
        LoadException e = refused();
        assertThat(e.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith("k/MX_INVALID.yaml:") && p.contains("{expected.mx.exchange-alone} is not a value of r/expected-values.yaml"));
    }

    @Test
    void anUnknownVocabularyAndAMissingWordAreRefused() throws Exception {
        edit(kb.resolve("MX_INVALID.yaml"), "({status|lookup-status}; expected", "({status|lookup-state}; expected");
        edit(kb.resolve("messages.yaml"), "    report.fix: What to do\n", "");
        edit(kb.resolve("messages.yaml"), "    report.fix: Que faire\n", "");
        LoadException e = refused();
        assertThat(e.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("lookup-state") && m.contains("no such vocabulary"))
                .anyMatch(m -> m.contains("\"report.fix\" is missing"));
    }

    @Test
    void aWordOneLanguageLacksIsRefusedWithItsLine() throws Exception {
        edit(kb.resolve("messages.yaml"), "    page.analyze: Analyser\n", "");
        LoadException e = refused();
        assertThat(e.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.matches("k/messages\\.yaml:\\d+: fr\\.words: no \"page\\.analyze\" \\(en has it\\)"));
    }

    /** When the valid hosts change in the data file, the remediation follows: the host is written there only. */
    @Test
    void changingAHostInTheDataChangesEveryTextThatNamesIt() throws Exception {
        edit(rules.resolve("expected-values.yaml"), "exchange-only: [mx1.mail.ovh.net]", "exchange-only: [mx1.mail.ovh.net, mx2.mail.ovh.net]");
        Expertise expertise = Expertise.load(rules, "r", kb, "k");
        var doc = TestSupport.yaml("""
                version: 1
                mailbox: jane@example.com
                expect: {offer: hosted, mailSetup: exchange-only}
                dns: {mx: {status: ok, records: [{preference: 10, host: mail.other-host.net}]}}
                """);
        for (var lang : org.exdiag.knowledge.Language.values()) {
            var w = expertise.report(doc, lang).warning("MX_INVALID").orElseThrow();
            String or = expertise.wording(lang).word("list.or");
            assertThat(w.evidence()).anyMatch(e -> e.contains("mx1.mail.ovh.net " + or + " mx2.mail.ovh.net"));
            assertThat(w.remediation().get(0)).contains("mx1.mail.ovh.net " + or + " mx2.mail.ovh.net");
        }
    }
}

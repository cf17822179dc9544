package org.exdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Language;
import org.junit.jupiter.api.Test;

/** The help request nests each effect under every cause that explains it, and under no other. */
class MarkdownReportTest {
    private static final Expertise EXPERTISE = TestSupport.expertise();

    private static String markdown(FactsDocument doc, Language lang) {
        return ReportWriter.write(EXPERTISE.report(doc, lang), doc, ReportFormat.MARKDOWN, EXPERTISE.wording(lang));
    }

    /** Facts collected for jane@example.com on 26 November 2026, with these sections. */
    private static FactsDocument janesFacts(String sections) {
        return TestSupport.yaml("version: 1\nmailbox: jane@example.com\ncollectedAt: 2026-11-26T10:15:00Z\n" + sections);
    }

    /** The codes of the cause lines, each indented as its line is. */
    private static List<String> indentedCodes(List<String> causeLines) {
        return causeLines.stream().map(l -> l.replaceAll("^(\\s*)- \\**([A-Z_]+).*", "$1$2")).toList();
    }

    /** The lines of the root-cause section, from the heading to the facts. */
    private static List<String> causeLines(String markdown) {
        String section = markdown.substring(markdown.indexOf("### "), markdown.indexOf("### ", markdown.indexOf("### ") + 4));
        return section.lines().filter(l -> l.matches("\\s*- (\\*\\*)?[A-Z][A-Z0-9_]+(\\*\\*)? \\(.*")).toList();
    }

    @Test
    void anEffectGoesUnderTheCauseThatExplainsItNotUnderAnotherRoot() {
        FactsDocument doc = janesFacts("""
                expect: {offer: hosted, mailSetup: exchange-only}
                dns:
                  mx: {status: ok, records: [{preference: 10, host: mail.other-host.net}]}
                  autodiscoverSrv: {status: ok, records: [{priority: 0, weight: 0, port: 443, target: mail.other-host.net}]}
                testEmail: {sent: true, received: false, waitedSeconds: 60}
                """);
        List<String> lines = causeLines(markdown(doc, Language.EN));
        // roots are in severity order: MX_INVALID (error), then SRV_INVALID (warning)
        assertThat(indentedCodes(lines)).containsExactly("MX_INVALID", "    TEST_EMAIL_NOT_RECEIVED", "SRV_INVALID");
    }

    @Test
    void anEffectWithTwoCausesIsUnderEachAndSaysSo() {
        FactsDocument doc = janesFacts("""
                account: {state: suspended}
                auth: {webmail: {result: rejected}}
                testEmail: {sent: false}
                """);
        String md = markdown(doc, Language.FR);
        List<String> lines = causeLines(md);
        assertThat(indentedCodes(lines)).containsExactly(
                "ACCOUNT_SUSPENDED", "    AUTH_FAILED", "        TEST_EMAIL_NOT_SENT", "    TEST_EMAIL_NOT_SENT");
        assertThat(lines.get(3)).contains("expliqué par ACCOUNT_SUSPENDED, AUTH_FAILED");
        assertThat(md).contains("**Compte :** état : suspendu").doesNotContain("null").doesNotContain(": ?");
    }
}

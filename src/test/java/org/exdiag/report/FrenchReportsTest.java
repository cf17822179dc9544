package org.exdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.EnglishLeftovers;
import org.exdiag.knowledge.Language;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A French report, in every format, holds no English but codes and the servers' own replies. */
class FrenchReportsTest {
    private static final Expertise EXPERTISE = TestSupport.expertise();
    private static final EnglishLeftovers ENGLISH = new EnglishLeftovers(EXPERTISE);

    @Test
    void theCheckKnowsEnglishWhenItSeesIt() {
        FactsDocument doc = read(Path.of("examples/mx-pointing-elsewhere.yaml"));
        String english = ReportWriter.write(EXPERTISE.report(doc, Language.EN), doc, ReportFormat.MARKDOWN,
                EXPERTISE.wording(Language.EN));
        assertThat(ENGLISH.in(english)).contains("The domain's MX record is not valid", "What the diagnostic saw");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInFrenchInEveryFormat() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jsonl")).sorted().toList()) {
                FactsDocument doc = read(file);
                Report report = EXPERTISE.report(doc, Language.FR);
                for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN, ReportFormat.JSON)) {
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + format, () -> {
                        String out = ReportWriter.write(report, doc, format, EXPERTISE.wording(Language.FR));
                        // In JSON, the field names and wire values (severity, verdict) are the contract's identifiers.
                        String words = format == ReportFormat.JSON ? textsOf(report) : out;
                        assertThat(ENGLISH.in(withoutServerReplies(words, doc))).as(out).isEmpty();
                        // no raw value, no template place left unfilled
                        assertThat(words).doesNotContainPattern("\\bnull\\b").doesNotContainPattern("\\{[A-Za-z.]+(\\|[a-z-]+)?}");
                    }));
                }
            }
        }
        return tests.stream();
    }

    /**
     * The servers' own replies are quoted as they came, and rule names are identifiers, like codes;
     * everything around them must be French.
     */
    private static String withoutServerReplies(String out, FactsDocument doc) {
        String rest = out;
        for (String rule : EXPERTISE.rules().ruleNames()) {
            rest = rest.replace("\"" + rule + "\"", "");
        }
        if (doc.smtp() != null) {
            for (var r : doc.smtp().replies()) {
                rest = strip(rest, r.reply());
            }
        }
        List<org.exdiag.facts.DeliveryAttempt> attempts = new ArrayList<>();
        if (doc.inbound() != null) {
            attempts.addAll(doc.inbound().attempts());
        }
        if (doc.directTest() != null) {
            attempts.addAll(doc.directTest().attempts());
        }
        for (var a : attempts) {
            for (var r : a.replies()) {
                rest = strip(rest, r.reply());
            }
        }
        for (var b : doc.bouncesOrEmpty()) {
            rest = strip(rest, b.reply());
        }
        if (doc.auth() != null) {
            for (var a : new org.exdiag.facts.AuthCheck[] {doc.auth().webmail(), doc.auth().imap()}) {
                if (a != null && a.detail() != null) {
                    rest = rest.replace(a.detail(), "");
                }
            }
        }
        return rest;
    }

    private static String textsOf(Report report) {
        StringBuilder texts = new StringBuilder();
        for (ReportWarning w : report.warnings()) {
            texts.append(w.title()).append('\n').append(w.explanation()).append('\n');
            w.remediation().forEach(r -> texts.append(r).append('\n'));
            w.evidence().forEach(e -> texts.append(e).append('\n'));
        }
        report.couldNotCheck().forEach(c -> texts.append(c.reason()).append('\n'));
        return texts.toString();
    }

    /**
     * Removes a server's reply, raw and as Markdown escapes it: whole, then line by line (the digest quotes
     * a reply of several lines with each line indented).
     */
    private static String strip(String text, String reply) {
        String rest = text.replace(reply, "").replace(MarkdownReport.escape(reply), "");
        for (String line : reply.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            rest = rest.replace(line, "").replace(MarkdownReport.escape(line), "");
        }
        return rest;
    }

    private static FactsDocument read(Path file) {
        try {
            return new FactsReader().read(Files.readAllBytes(file), FactsFormat.forFileName(file.toString()).orElseThrow());
        } catch (Exception e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }
}

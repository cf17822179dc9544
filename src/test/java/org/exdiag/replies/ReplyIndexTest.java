package org.exdiag.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exdiag.rules.Reply;
import org.exdiag.rules.ReplyClass;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The index answers what trying every pattern in order answers: on the bundled patterns with the real
 * replies of the corpus (each at every placement and stage), and on the patterns' own literals.
 */
class ReplyIndexTest {
    private static final List<String> PLACEMENTS = List.of("submission", "inbound", "direct", "bounce", "elsewhere");
    private static final List<String> STAGES = List.of("CONNECT", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA",
            "END_OF_DATA", "QUIT");

    private static ReplyClassifier bundled() throws Exception {
        return new ReplyClassifier(ReplyPatternsReader.read(Path.of("rules/smtp-replies.yaml"), "smtp-replies.yaml").patterns());
    }

    private static String name(ReplyClass c) {
        return c == null ? "(none)" : c.pattern();
    }

    @Test
    void theIndexAgreesWithALinearScanOnEveryRealReplyAtEveryPlacementAndStage() throws Exception {
        ReplyClassifier classifier = bundled();
        JsonNode corpus = new YAMLMapper().readTree(Path.of("src/test/resources/smtp-replies/real-replies.yaml").toFile());
        List<String> texts = new ArrayList<>();
        corpus.findValues("reply").forEach(r -> texts.add(r.asText()));
        assertThat(texts).hasSizeGreaterThan(300);
        texts.add("5.7.1 ſpam detected");          // long s: Unicode case folding, not ASCII
        texts.add("Mailbox unavailable \u212A");   // Kelvin sign
        int compared = 0;
        for (String raw : texts) {
            org.exdiag.facts.SmtpReply parsed = org.exdiag.facts.SmtpReply.parse(raw);
            for (String placement : PLACEMENTS) {
                for (String stage : STAGES) {
                    Reply reply = new Reply(placement, 0, 0, stage, parsed.code(), parsed.enhancedCode(), parsed.text(), raw);
                    assertThat(name(classifier.classify(reply))).as(placement + " " + stage + " " + raw)
                            .isEqualTo(name(classifier.classifyLinearly(reply)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void everyLiteralOfEveryPatternLeadsToItsPattern() throws Exception {
        ReplyClassifier classifier = bundled();
        for (ReplyPattern p : classifier.patterns()) {
            if (p.textLiterals() == null) {
                continue;
            }
            for (String literal : java.util.Arrays.stream(p.textLiterals()).flatMap(java.util.Arrays::stream).toList()) {
                Reply reply = new Reply("bounce", 0, 0, "RCPT", 550, "5.0.0", "xx " + literal.toUpperCase() + " yy", literal);
                assertThat(name(classifier.classify(reply))).as(literal).isEqualTo(name(classifier.classifyLinearly(reply)));
            }
        }
    }

    @Test
    void alternativesOnceLostToADoubledBackslashMatch() throws Exception {
        // Written as \\[ and \\b in single-quoted YAML, these asked for a backslash in the reply.
        ReplyClassifier classifier = bundled();
        Reply refused = new Reply("bounce", 0, 0, null, 550, "5.7.1", "Access from ip [203.0.113.5] denied by policy", "");
        assertThat(classifier.classify(refused).category()).isEqualTo("ip-listed");
        Reply netease = new Reply("bounce", 0, 0, null, 554, null, "DT:SPM 126 smtp7,DsmowACHj0xr", "");
        assertThat(classifier.classify(netease).category()).isEqualTo("content-spam");
    }

    @Test
    void literalsAreFoundAnywhereInTheText() {
        ReplyIndex.LiteralAutomaton automaton = new ReplyIndex.LiteralAutomaton(Map.of(
                "he", List.of(0), "she", List.of(1), "his", List.of(2), "hers", List.of(3)));
        assertThat(automaton.patternsFoundIn("ushers").stream().boxed().toList()).containsExactly(0, 1, 3);
        assertThat(automaton.patternsFoundIn("this").stream().boxed().toList()).containsExactly(2);
        assertThat(automaton.patternsFoundIn("nothing").isEmpty()).isTrue();
    }
}

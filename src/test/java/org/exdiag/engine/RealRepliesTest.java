package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.config.ConfigYaml;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.SmtpExchange;
import org.exdiag.facts.SmtpFacts;
import org.exdiag.facts.SmtpStage;
import org.exdiag.rules.ReplyClass;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replies real servers send (src/test/resources/smtp-replies/real-replies.yaml, with sources) are
 * classified by the shipped smtp-replies.yaml as expected, through the rule engine itself.
 */
class RealRepliesTest {
    @TestFactory
    Stream<DynamicTest> realRepliesAreClassified() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/smtp-replies/real-replies.yaml")) {
            root = ConfigYaml.mapper().readTree(in);
        }
        Analyzer analyzer = TestSupport.expertise().analyzer();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode r : root.get("replies")) {
            String reply = r.get("reply").asText();
            String expected = r.get("category").asText();
            SmtpStage stage = SmtpStage.valueOf(r.get("stage").asText());
            tests.add(DynamicTest.dynamicTest(r.get("server").asText() + ": " + reply.lines().findFirst().orElse(""), () -> {
                FactsDocument doc = new FactsDocument("jane@example.com", null, null, null, null, null, null,
                        new SmtpFacts("ex.mail.ovh.net", 587, null, List.of(new SmtpExchange(stage, reply))), null);
                List<String> categories = analyzer.analyze(doc).replyClasses().stream().map(ReplyClass::category).toList();
                assertThat(categories).isEqualTo(expected.equals("none") ? List.of() : List.of(expected));
            }));
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCategoryTheRulesUseHasRealExamples() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/smtp-replies/real-replies.yaml")) {
            root = ConfigYaml.mapper().readTree(in);
        }
        List<String> seen = new ArrayList<>();
        root.get("replies").forEach(r -> seen.add(r.get("category").asText()));
        return Map.of("spam-block", 3, "lockout", 2, "wrong-password", 4, "mailbox-disabled", 2, "temporary-failure", 3)
                .entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                        () -> assertThat(seen.stream().filter(e.getKey()::equals).count()).isGreaterThanOrEqualTo(e.getValue())));
    }
}

package org.exdiag.replies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.config.ConfigYaml;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWarning;
import org.junit.jupiter.api.Test;

/**
 * Real replies (src/test/resources/smtp-replies/real-replies.yaml), each placed where a diagnostic sees
 * it, through the whole rule set: the warning each stands for must be the one raised (the test email's
 * own failure aside). At least 95 % must be right; the misses are printed, with what was raised instead.
 */
class RealRepliesTest {
    /** What a failed test email always brings beside the reply's own code. */
    private static final Set<String> CONSEQUENCES = Set.of("TEST_EMAIL_NOT_SENT", "TEST_EMAIL_NOT_RECEIVED");

    record Outcome(String placement, String expected, Set<String> raised, String reply) {
        boolean right() {
            return raised.equals(Set.of(expected));
        }
    }

    static List<Outcome> classifyAll(Expertise expertise) throws Exception {
        JsonNode root;
        try (InputStream in = RealRepliesTest.class.getResourceAsStream("/smtp-replies/real-replies.yaml")) {
            root = ConfigYaml.mapper().readTree(in);
        }
        FactsReader reader = new FactsReader();
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode r : root.get("replies")) {
            String placement = r.get("placement").asText();
            String reply = r.get("reply").asText();
            String stage = r.has("stage") ? r.get("stage").asText() : "RCPT";
            String doc = document(placement, stage, reply);
            FactsDocument facts = reader.read(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8), FactsFormat.JSON);
            Set<String> raised = new TreeSet<>();
            for (ReportWarning w : expertise.report(facts, Language.EN).warnings()) {
                raised.add(w.code());
            }
            raised.removeAll(CONSEQUENCES);
            outcomes.add(new Outcome(placement, r.get("expected").asText(), raised, reply));
        }
        return outcomes;
    }

    /** A facts document in which the reply is heard where it was placed. */
    static String document(String placement, String stage, String reply) throws Exception {
        String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(reply);
        String head = "{\"version\":2,\"mailbox\":\"jane@example.com\",\"collectedAt\":\"2026-11-26T10:15:00Z\","
                + "\"expect\":{\"offer\":\"hosted\",\"mailSetup\":\"exchange-only\"},";
        return switch (placement) {
            case "submission" -> head + "\"smtp\":{\"host\":\"ex.mail.ovh.net\",\"port\":587,\"connect\":\"ok\",\"replies\":["
                    + (stage.equals("CONNECT") ? "" : "{\"stage\":\"CONNECT\",\"reply\":\"220 ex.mail.ovh.net ready\"},")
                    + "{\"stage\":\"" + stage + "\",\"reply\":" + quoted + "}]},\"testEmail\":{\"sent\":false}}";
            case "inbound" -> head + "\"dns\":{\"mx\":{\"status\":\"ok\",\"records\":[{\"preference\":1,\"host\":\"mx1.mail.ovh.net\"}]}},"
                    + "\"inbound\":{\"accepted\":false,\"attempts\":[{\"host\":\"mx1.mail.ovh.net\",\"address\":\"192.0.2.25\","
                    + "\"port\":25,\"connect\":\"ok\",\"replies\":[{\"stage\":\"CONNECT\",\"reply\":\"220 mx1.mail.ovh.net ESMTP\"},"
                    + "{\"stage\":\"" + stage + "\",\"reply\":" + quoted + "}]}]}}";
            case "bounce" -> head + "\"bounces\":[{\"reply\":" + quoted + ",\"recipient\":\"someone@example.net\"}]}";
            default -> throw new IllegalArgumentException(placement);
        };
    }

    @Test
    void atLeast95PercentOfTheRealRepliesGetTheirCause() throws Exception {
        List<Outcome> outcomes = classifyAll(TestSupport.expertise());
        List<Outcome> wrong = outcomes.stream().filter(o -> !o.right()).toList();
        TreeMap<String, int[]> byExpected = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] counts = byExpected.computeIfAbsent(o.expected(), k -> new int[2]);
            counts[o.right() ? 0 : 1]++;
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("%d of %d real replies right (%.1f %%)%n", outcomes.size() - wrong.size(), outcomes.size(),
                100.0 * (outcomes.size() - wrong.size()) / outcomes.size()));
        byExpected.forEach((code, c) -> report.append(String.format("  %-34s %3d right, %d wrong%n", code, c[0], c[1])));
        wrong.forEach(o -> report.append("  MISS [").append(o.placement()).append("] expected ").append(o.expected())
                .append(", raised ").append(o.raised()).append(": ").append(o.reply().lines().findFirst().orElse("")).append('\n'));
        System.out.print(report);
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(300);
        assertThat((double) (outcomes.size() - wrong.size()) / outcomes.size()).as(report.toString()).isGreaterThanOrEqualTo(0.95);
    }
}

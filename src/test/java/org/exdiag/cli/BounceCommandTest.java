package org.exdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exdiag.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exdiag bounce} over many messages (cli-http v2): folders, mbox files and maildirs, one JSON line per
 * message in input order, "not a bounce" for what is no failure, an error record for what cannot be read;
 * and {@code exdiag replies}, whose suggestion, once given a category, classifies its whole group.
 */
class BounceCommandTest {
    private static final Path NDR = Path.of("src/test/resources/ndr");

    @TempDir
    Path tmp;

    private static String message(String name) throws Exception {
        return Files.readString(NDR.resolve(name), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    private static final String AUTO_REPLY = "From: Bob <bob@example.net>\nTo: jane@example.com\nSubject: Out of office\n"
            + "Auto-Submitted: auto-replied\n\nI am away until Monday.\n";

    private static final String DELAYED = "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nTo: jane@example.com\n"
            + "Subject: Warning: message 1abc-000 delayed 24 hours\n\nThis message was created automatically by mail delivery software.\n"
            + "A message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue.\n\n"
            + "  bob@example.net\n    host mx.example.net [192.0.2.25]: 451 4.3.0 Temporary failure\n\nNo action is required on your part.\n";

    @Test
    void aFolderGivesOneRecordPerMessageInNameOrderWithTheOnesThatAreNoBounceSkipped() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("bounces"));
        Files.writeString(folder.resolve("1-exim.eml"), message("exim-bounce.eml"));
        Files.writeString(folder.resolve("2-away.eml"), AUTO_REPLY);
        Files.writeString(folder.resolve("3-gmail.eml"), message("gmail-dsn.eml"));
        Files.writeString(folder.resolve("4-delayed.eml"), DELAYED);
        Cli r = Cli.run("bounce", "--no-lookup", "--jobs", "2", folder.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> records = r.jsonLines();
        assertThat(records).extracting(n -> n.get("source").asText()).containsExactly(folder + "/1-exim.eml",
                folder + "/2-away.eml", folder + "/3-gmail.eml", folder + "/4-delayed.eml");
        assertThat(records.get(0).get("report").get("rootCauses").get(0).asText()).isEqualTo("SENDER_IP_LISTED");
        assertThat(records.get(1).get("skipped").asText()).isEqualTo("not a bounce");
        assertThat(records.get(2).get("report").get("rootCauses").get(0).asText()).isEqualTo("REMOTE_REJECTED_UNAUTHENTICATED");
        assertThat(records.get(3).get("skipped").asText()).isEqualTo("not a bounce");
        assertThat(r.err()).contains("4 messages: 2 bounces, 2 not bounces, 0 errors; 2 refused recipients");
    }

    @Test
    void anMboxIsSplitAtItsFromLinesAndEachMessageNamedByTheLineItStartsOn() throws Exception {
        String exim = message("exim-bounce.eml");
        String mbox = "From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n" + exim + "\n"
                + "From bob@example.net Thu Nov 26 10:01:00 2026\n" + AUTO_REPLY.replace("I am away", ">From Monday on I am away") + "\n"
                + "From MAILER-DAEMON Thu Nov 26 10:02:00 2026\n" + message("postfix-bounce.eml");
        Path file = Files.writeString(tmp.resolve("day.mbox"), mbox);
        int second = 1 + exim.split("\n", -1).length + 1;
        Cli r = Cli.run("bounce", "--no-lookup", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> records = r.jsonLines();
        assertThat(records).extracting(n -> n.get("source").asText())
                .containsExactly(file + ":1", file + ":" + second, file + ":" + (second + AUTO_REPLY.split("\n", -1).length + 1));
        assertThat(records.get(1).get("skipped").asText()).isEqualTo("not a bounce");
        assertThat(records.get(2).get("report").get("warnings")).hasSize(2); // Postfix: two recipients, two causes
    }

    @Test
    void aMaildirIsReadCurThenNewAndAnUnreadablePathIsOneErrorRecord() throws Exception {
        Path maildir = tmp.resolve("Maildir");
        Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Files.writeString(maildir.resolve("new").resolve("1000.a"), message("gmail-dsn.eml"));
        Files.writeString(maildir.resolve("cur").resolve("2000.b:2,S"), message("orange-dsn.eml"));
        Cli r = Cli.run("bounce", "--no-lookup", maildir.toString(), tmp.resolve("missing.eml").toString());
        assertThat(r.exitCode()).isEqualTo(1); // some input failed; the rest was still done
        List<JsonNode> records = r.jsonLines();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("report").get("rootCauses").get(0).asText()).isEqualTo("RECIPIENT_MAILBOX_FULL");
        assertThat(records.get(1).get("report").get("rootCauses").get(0).asText()).isEqualTo("REMOTE_REJECTED_UNAUTHENTICATED");
        assertThat(records.get(2).get("error").get("message").asText()).isEqualTo("no such file or folder");
    }

    @Test
    void aBounceThatNamesNoAddressOfTheCustomersGivesAReportForNobodyAndSavingFactsTakesOneMessage() throws Exception {
        String bounce = message("exim-bounce.eml").replaceAll("(?m)^To: .*\\n", "To: postmaster\n");
        Path file = Files.writeString(tmp.resolve("to-postmaster.eml"), bounce);
        Cli r = Cli.run("bounce", "--no-lookup", "--format", "json", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().get("mailbox").isNull()).isTrue();
        assertThat(Cli.run("bounce", "--no-lookup", "--save-facts", tmp.resolve("x.yaml").toString(), NDR.toString()).exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("bounce", "--no-lookup", "--mailbox", "postmaster", file.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void repliesListsWhatNoPatternKnowsAndItsSuggestionWithACategoryClassifiesTheWholeGroup() throws Exception {
        Path rules = TestSupport.copyTree(TestSupport.RULES, tmp.resolve("rules"));
        Path mbox = tmp.resolve("odd.mbox");
        StringBuilder m = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            m.append("From MAILER-DAEMON Thu Nov 26 10:0").append(i).append(":00 2026\n")
                    .append("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nTo: jane@example.com\n")
                    .append("Subject: Mail delivery failed\n\nThe following address failed:\n\n  friend").append(i)
                    .append("@example.net\n    host mx").append(i).append(".example.net [192.0.2.").append(i)
                    .append("]: 550 5.7.0 Gateway stub refusal number ").append(100 + i).append(" for queue ABC12345").append(i).append("\n\n");
        }
        Files.writeString(mbox, m.toString());
        Cli listed = Cli.run("replies", "--rules", rules.toString(), "--format", "yaml", mbox.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("# 3 seen").contains("code: \"550\"").contains("enhanced: '5\\.7\\.0'");
        assertThat(listed.err()).contains("3 replies, 3 not known yet in 1 templates");

        // Left without a category, the suggestion is refused; with one, it classifies every reply of its group.
        String patterns = Files.readString(rules.resolve("smtp-replies.yaml"));
        String suggestion = listed.out().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        Files.writeString(rules.resolve("smtp-replies.yaml"), patterns.replace("patterns:\n", "patterns:\n" + suggestion));
        assertThat(Cli.run("rules", "check", "--rules", rules.toString()).exitCode()).isEqualTo(2);
        Files.writeString(rules.resolve("smtp-replies.yaml"), patterns.replace("patterns:\n",
                "patterns:\n" + suggestion.replaceFirst("category:[^\\n]*", "category: content-spam")));
        assertThat(Cli.run("rules", "check", "--rules", rules.toString()).exitCode()).isZero();
        Cli after = Cli.run("replies", "--rules", rules.toString(), mbox.toString());
        assertThat(after.err()).contains("3 replies, 0 not known yet");
        Cli bounces = Cli.run("bounce", "--no-lookup", "--rules", rules.toString(), mbox.toString());
        assertThat(bounces.jsonLines()).allSatisfy(n -> assertThat(n.get("report").get("rootCauses").get(0).asText())
                .isEqualTo("REMOTE_REJECTED_AS_SPAM"));
    }
}

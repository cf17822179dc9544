package org.exdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.probe.MailLab;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `exdiag diagnose` end to end, as a support engineer runs it, against servers on loopback. */
@Timeout(60)
class DiagnoseCommandTest {
    private static final String MAILBOX = "jane@example.com";
    private static final String PASSWORD = "Distinctive-P4ssw0rd-7c1e";

    @TempDir
    Path tmp;

    @AutoClose
    private final MailLab lab = new MailLab(PASSWORD);

    private Cli diagnose(String password, String... extra) {
        List<String> args = new ArrayList<>(List.of("diagnose", MAILBOX, "--password-stdin", "--setup", "exchange-only"));
        args.addAll(lab.commandLine());
        args.addAll(List.of("--receive-timeout", "10", "--timeout", "30", "--client", "none"));
        args.addAll(List.of(extra));
        return Cli.runWithInput(password + "\n", args.toArray(String[]::new));
    }

    @Test
    void healthyMailboxReportsHealthyAndSavesItsFacts() throws Exception {
        Path facts = tmp.resolve("facts.yaml");
        Cli r = diagnose(PASSWORD, "--save-facts", facts.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        if (System.getProperty("exdiag.showTiming") != null) {
            System.out.println(r.err());
        }
        assertThat(r.out()).startsWith(MAILBOX + ": healthy");
        assertThat(r.err()).contains("dns mx").contains("outbound test").contains("inbound test").contains("imap login");
        // The saved facts are a valid facts file that gives the same verdict when analyzed later.
        Cli again = Cli.run("analyze", facts.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("\"verdict\" : \"healthy\"");
    }

    @Test
    void thePasswordIsInNoOutputNorFile() throws Exception {
        Path facts = tmp.resolve("facts.json");
        Cli ok = diagnose(PASSWORD, "--save-facts", facts.toString(), "--format", "json");
        Cli wrong = diagnose("wrong-" + PASSWORD, "--format", "markdown");
        assertThat(wrong.out()).contains("AUTH_FAILED");
        for (String text : new String[] {ok.out(), ok.err(), wrong.out(), wrong.err(), Files.readString(facts)}) {
            assertThat(text).doesNotContain(PASSWORD);
        }
    }

    @Test
    void accountFlagsAndTheProvidersDiagnosisComeFromTheOvhApi() throws Exception {
        try (org.exdiag.probe.ovh.FakeOvhApi api = new org.exdiag.probe.ovh.FakeOvhApi()) {
            Path keys = tmp.resolve("ovh.conf");
            Files.writeString(keys, "application_key=" + org.exdiag.probe.ovh.FakeOvhApi.AK + "\napplication_secret="
                    + org.exdiag.probe.ovh.FakeOvhApi.AS + "\nconsumer_key=" + org.exdiag.probe.ovh.FakeOvhApi.CK + "\n");
            Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Path facts = tmp.resolve("facts.json");
            Cli r = diagnose(PASSWORD, "--account-source", "ovh", "--ovh-endpoint", api.base(), "--ovh-config", keys.toString(),
                    "--format", "json", "--save-facts", facts.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"rootCauses\" : [ \"SPAM_BLOCKED\" ]")
                    .contains("the provider's account flags say sending is blocked")
                    .contains("the provider's diagnosis (2026-11-26T09:58:00Z) flags the account as a spammer");
            String saved = Files.readString(facts);
            assertThat(saved).contains("\"isSpammer\" : true").contains("\"offer\" : \"hosted\"").doesNotContain(PASSWORD)
                    .doesNotContain(org.exdiag.probe.ovh.FakeOvhApi.AS);
            assertThat(r.err()).contains("account and provider").doesNotContain(org.exdiag.probe.ovh.FakeOvhApi.AS);

            api.fail("/email/exchange", 403, "NOT_GRANTED_CALL");
            Cli refused = diagnose(PASSWORD, "--account-source", "ovh", "--ovh-endpoint", api.base(), "--ovh-config", keys.toString());
            assertThat(refused.out()).contains("Could not check:").contains("HTTP 403 NOT_GRANTED_CALL")
                    .doesNotContain("SPAM_BLOCKED");
        }
    }

    @Test
    void noPasswordSourceWithoutATerminalIsAUsageError() {
        Cli r = Cli.run("diagnose", MAILBOX, "--dns", lab.dns.address(), "--webmail-url", "none");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--password-stdin");
    }

    @Test
    void thePasswordIsNeverAnArgument() {
        Cli r = Cli.run("diagnose", MAILBOX, "--password", PASSWORD);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option: --password").doesNotContain(PASSWORD);
    }

    @Test
    void aSendingAddressGivenIsCheckedAsReceiversSeeIt() throws Exception {
        lab.dns.ptr("203.0.113.7", "mail.example.com").a("mail.example.com", "203.0.113.7")
                .a("7.113.0.203.zen.spamhaus.org", "127.0.0.2").txt("7.113.0.203.zen.spamhaus.org", "Listed by SBL");
        Path facts = tmp.resolve("facts.json");
        Cli r = diagnose(PASSWORD, "--sending-ip", "203.0.113.7", "--dnsbl", "zen.spamhaus.org", "--save-facts", facts.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("SENDER_IP_LISTED").contains("203.0.113.7 is listed on zen.spamhaus.org");
        assertThat(r.err()).contains("sending ip");
        assertThat(java.nio.file.Files.readString(facts)).contains("\"sendingIp\"").contains("\"listed\"").contains("Listed by SBL");
    }

    @Test
    void aSendingAddressMustBeAnAddress() {
        Cli r = diagnose(PASSWORD, "--sending-ip", "mail.example.com");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad sending-ip: not an IP address: mail.example.com").doesNotContain("Exception");
    }
}

package org.exdiag.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exdiag.facts.BounceFacts;
import org.junit.jupiter.api.Test;

/**
 * Real bounce layouts, rebuilt from what each mail system writes (src/test/resources/ndr): the remote
 * reply, the server that refused and the recipient come out of each, one bounce per recipient, and
 * nothing is taken from the returned original message.
 */
class NdrReaderTest {
    private static List<BounceFacts> read(String name) throws Exception {
        return NdrReader.read(Files.readAllBytes(Path.of("src/test/resources/ndr", name))).bounces();
    }

    @Test
    void aGmailDsnGivesTheDiagnosticCodeUnfoldedAndTheRemoteServer() throws Exception {
        List<BounceFacts> b = read("gmail-dsn.eml");
        assertThat(b).hasSize(1);
        assertThat(b.get(0).reply()).isEqualTo("550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail "
                + "requires all senders to authenticate with either SPF or DKIM.");
        assertThat(b.get(0).recipient()).isEqualTo("someone@gmail.com");
        assertThat(b.get(0).remoteMta()).isNull(); // "gmail-smtp-in.l.google.com. (142.250.0.27, ...)" is not a bare host
        assertThat(b.get(0).receivedAt()).isNotNull();
        assertThat(NdrReader.read(Files.readAllBytes(Path.of("src/test/resources/ndr/gmail-dsn.eml"))).mailbox()).isEqualTo("jane@example.com");
    }

    @Test
    void anExchangeOnlineNdrIsReadFromItsDsn() throws Exception {
        List<BounceFacts> b = read("exchange-online-ndr.eml");
        assertThat(b).singleElement().satisfies(x -> {
            assertThat(x.reply()).startsWith("550 5.7.350 Remote server returned message detected as spam");
            assertThat(x.remoteMta()).isEqualTo("contoso-com.mail.protection.outlook.com");
            assertThat(x.recipient()).isEqualTo("someone@contoso.com");
        });
    }

    @Test
    void anExchangeNdrPastedAsTextGivesEachRecipient() throws Exception {
        List<BounceFacts> b = read("exchange-text-ndr.txt");
        assertThat(b).hasSize(2);
        assertThat(b.get(0).reply()).isEqualTo("550 5.1.1 <someone@example.net>: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(b.get(0).remoteMta()).isEqualTo("mx.example.net");
        assertThat(b.get(0).recipient()).isEqualTo("someone@example.net");
        assertThat(b.get(1).reply()).isEqualTo("552 5.2.2 Mailbox full");
        assertThat(b.get(1).recipient()).isEqualTo("other@example.org");
    }

    @Test
    void aPostfixBounceGivesEachRecipientWithItsHost() throws Exception {
        List<BounceFacts> b = read("postfix-bounce.eml");
        assertThat(b).hasSize(2);
        assertThat(b.get(0).recipient()).isEqualTo("someone@orange.fr");
        assertThat(b.get(0).remoteMta()).isEqualTo("smtp-in.orange.fr");
        assertThat(b.get(0).reply()).startsWith("550 5.7.1 <jane@example.com>: Message refuse, authentification SPF/DKIM/DMARC en echec.")
                .endsWith("OFR_506");
        assertThat(b.get(1).reply()).contains("User unknown in virtual mailbox table").doesNotContain("in reply to");
    }

    @Test
    void anEximBounceGivesTheReplyAfterTheCommand() throws Exception {
        List<BounceFacts> b = read("exim-bounce.eml");
        assertThat(b).singleElement().satisfies(x -> {
            assertThat(x.reply()).startsWith("550 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org");
            assertThat(x.remoteMta()).isEqualTo("mx.example.net");
            assertThat(x.recipient()).isEqualTo("someone@example.net");
        });
    }

    @Test
    void anOrangeRefusalRelayedByThePostfixOfTheProviderIsReadFromItsDsn() throws Exception {
        List<BounceFacts> b = read("orange-dsn.eml");
        assertThat(b).singleElement().satisfies(x -> {
            assertThat(x.reply()).isEqualTo("550 5.1.1 <someone@orange.fr>: Boite du destinataire pleine. Recipient overquota. OFR_417 [417]");
            assertThat(x.remoteMta()).isEqualTo("smtp-in.orange.fr");
        });
    }

    @Test
    void aPastedReplyAloneIsOneBounce() throws Exception {
        List<BounceFacts> b = read("pasted-reply.txt");
        assertThat(b).singleElement().satisfies(x -> assertThat(x.reply()).startsWith("550-5.7.26 This mail has been blocked")
                .contains("\n550 5.7.26 For instructions"));
    }

    @Test
    void theServersTextWithoutACodeIsStillABounce() throws Exception {
        List<BounceFacts> b = NdrReader.read("The email account that you tried to reach does not exist.".getBytes()).bounces();
        assertThat(b).singleElement().satisfies(x -> assertThat(x.reply()).isEqualTo("The email account that you tried to reach does not exist."));
    }

    @Test
    void aHugeNdrIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NdrReader.read(new byte[NdrReader.MAX_BYTES + 1]))
                .isInstanceOf(NdrException.class).hasMessageContaining("larger than");
    }
}

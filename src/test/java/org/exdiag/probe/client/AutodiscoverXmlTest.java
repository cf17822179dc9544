package org.exdiag.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.facts.ClientFacts.Protocol;
import org.exdiag.facts.ClientFacts.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Autodiscover answer's parser: what it reads, and what it refuses (DTDs, entities, depth, size). */
class AutodiscoverXmlTest {
    private static final String NS = "xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\"";

    private static Response parse(String xml) {
        return AutodiscoverXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String account(String inside) {
        return "<?xml version=\"1.0\"?><Autodiscover " + NS + "><Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/"
                + "outlook/responseschema/2006a\"><Account>" + inside + "</Account></Response></Autodiscover>";
    }

    @Test
    void readsTheProtocolsAndTheirEwsUrls() {
        Response r = parse(AutodiscoverLab.settings("https://ex.mail.ovh.net/EWS/Exchange.asmx"));
        assertThat(r.errorCode()).isNull();
        assertThat(r.protocols()).containsExactly(new Protocol("EXCH", "ex.mail.ovh.net", "https://ex.mail.ovh.net/EWS/Exchange.asmx"),
                new Protocol("EXPR", "ex.mail.ovh.net", "https://ex.mail.ovh.net/EWS/Exchange.asmx"));
    }

    @Test
    void readsRedirectsAndErrors() {
        assertThat(parse(account("<Action>redirectAddr</Action><RedirectAddr>jane@example.net</RedirectAddr>")).redirectAddr())
                .isEqualTo("jane@example.net");
        assertThat(parse(account("<Action>redirectUrl</Action><RedirectUrl>https://ad.example.net/autodiscover/autodiscover.xml</RedirectUrl>"))
                .redirectUrl()).isEqualTo("https://ad.example.net/autodiscover/autodiscover.xml");
        assertThat(parse("<Autodiscover " + NS + "><Response><Error><ErrorCode>600</ErrorCode><Message>Invalid Request</Message>"
                + "</Error></Response></Autodiscover>").errorCode()).isEqualTo(600);
        assertThat(parse(account("<Error><ErrorCode>500</ErrorCode><Message>The email address can't be found.</Message></Error>"))
                .errorCode()).isEqualTo(500);
    }

    @Test
    void dropsWhatFactsCannotHold() {
        Response r = parse(account("<Action>redirectUrl</Action><RedirectUrl>javascript:alert(1)</RedirectUrl>"
                + "<Protocol><Type>EXCH</Type><Server>not a host!</Server><EwsUrl>ftp://x/</EwsUrl></Protocol>"));
        assertThat(r.redirectUrl()).isNull();
        assertThat(r.protocols()).containsExactly(new Protocol("EXCH", null, null));
    }

    @Test
    void aBodyThatIsNotAutodiscoverIsNoAnswer() {
        assertThat(parse("<html><body>Not found</body></html>")).isNull();
        assertThat(parse("{\"json\": true}")).isNull();
        assertThat(AutodiscoverXml.parse(new byte[0])).isNull();
        assertThat(parse("<Autodiscover " + NS + "><Response>")).isNull();
    }

    @Test
    void refusesExternalEntities(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-FILE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Autodiscover [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + account("<RedirectAddr>&x;</RedirectAddr>").replace("<?xml version=\"1.0\"?>", "");
        Response r = parse(xxe);
        assertThat(r).isNull();
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Autodiscover [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertThat(parse(dtd + account("<RedirectAddr>&a9;</RedirectAddr>").replace("<?xml version=\"1.0\"?>", ""))).isNull();
    }

    @Test
    void refusesDeepOrHugeDocuments() {
        String deep = "<Autodiscover " + NS + ">" + "<a>".repeat(100) + "</a>".repeat(100) + "</Autodiscover>";
        assertThat(parse(deep)).isNull();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < AutodiscoverXml.MAX_ELEMENTS + 10; i++) {
            many.add("<b/>");
        }
        assertThat(parse("<Autodiscover " + NS + ">" + String.join("", many) + "</Autodiscover>")).isNull();
        assertThat(AutodiscoverXml.parse(new byte[RawHttp.MAX_BODY + 1])).isNull();
    }

    @Test
    void theRequestNamesTheMailboxEscaped() {
        String request = new String(AutodiscoverXml.request("a<b>&c@example.com"), StandardCharsets.UTF_8);
        assertThat(request).contains("<EMailAddress>a&lt;b&gt;&amp;c@example.com</EMailAddress>")
                .contains("responseschema/2006a");
    }

    @Test
    void authenticationSchemesAreTheChallengesTokens() {
        List<String> schemes = new ArrayList<>();
        RawHttp.schemes("Negotiate, NTLM", schemes);
        RawHttp.schemes("Basic realm=\"ex.mail.ovh.net\", charset=\"UTF-8\"", schemes);
        RawHttp.schemes("Bearer authorization_uri=\"https://login\"", schemes);
        assertThat(schemes).containsExactly("Negotiate", "NTLM", "Basic", "Bearer");
    }
}

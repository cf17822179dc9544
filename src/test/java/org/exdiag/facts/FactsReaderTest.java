package org.exdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactsReaderTest {
    private final FactsReader reader = new FactsReader();

    private static final String MINIMAL_JSON = "{\"version\":1,\"mailbox\":\"jane@example.com\"}";

    private FactsDocument json(String text) throws FactsException {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), FactsFormat.JSON);
    }

    private FactsDocument yaml(String text) throws FactsException {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), FactsFormat.YAML);
    }

    private FactsException jsonError(String text) {
        return (FactsException) org.assertj.core.api.Assertions.catchThrowable(() -> json(text));
    }

    private FactsException yamlError(String text) {
        return (FactsException) org.assertj.core.api.Assertions.catchThrowable(() -> yaml(text));
    }

    @Test
    void readsTheSpecExampleInYaml() throws Exception {
        FactsDocument doc = yaml("""
                version: 1
                mailbox: jane@example.com
                collectedAt: 2026-11-26T10:15:00Z
                expect: {offer: hosted, mailSetup: exchange-only, privateHost: null}
                dns:
                  mx: {status: ok, records: [{preference: 1, host: mx1.mail.ovh.net.}]}
                  autodiscoverSrv: {status: ok, records: [{priority: 0, weight: 0, port: 443, target: ex.mail.ovh.net.}]}
                account: {state: active, spamBlocked: false, locked: false, lockedUntil: null, subscriptionExpiresAt: 2027-03-01T00:00:00Z}
                provider: {lastCheck: 2026-11-26T09:58:00Z, isMxValid: true, isSrvValid: true, isSpammer: false,
                           isSuspended: false, isLocked: false, canSendEmail: true, canReceiveEmail: true, connectiveOWA: true}
                auth:
                  webmail: {result: ok, detail: "HTTP 200"}
                  imap: {result: ok, detail: "LOGIN completed"}
                smtp:
                  host: ex.mail.ovh.net
                  port: 587
                  connect: ok
                  replies:
                    - {stage: CONNECT, reply: "220 ex.mail.ovh.net Microsoft ESMTP MAIL Service ready"}
                    - {stage: AUTH, reply: "535 5.7.3 Authentication unsuccessful"}
                testEmail: {sent: false, received: null, waitedSeconds: 0}
                """);
        assertThat(doc.domainChecked()).isEqualTo("example.com");
        assertThat(doc.collectedAt()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
        assertThat(doc.expect().mailSetup()).isEqualTo(MailSetup.EXCHANGE_ONLY);
        assertThat(doc.dns().mx().records()).containsExactly(new MxRecord(1, "mx1.mail.ovh.net."));
        assertThat(doc.provider().isMxValid()).isTrue();
        assertThat(doc.provider().connectiveOWA()).isTrue();
        assertThat(doc.smtp().replies().get(1).parsed().enhancedCode()).isEqualTo("5.7.3");
        assertThat(doc.testEmail().received()).isNull();
    }

    @Test
    void aVersion3BounceDocumentMayNameNoMailboxAndGivesEachBounceItsKind() throws Exception {
        FactsDocument doc = yaml("""
                version: 3
                mailbox: null
                bounces:
                  - {reply: "retry timeout exceeded", recipient: bob@example.net, kind: expired, status: 4.4.7}
                  - {reply: "550 5.1.1 User unknown", kind: refused}
                """);
        assertThat(doc.mailbox()).isNull();
        assertThat(doc.domainChecked()).isNull();
        assertThat(doc.bounces()).extracting(BounceFacts::kind).containsExactly(BounceKind.EXPIRED, BounceKind.REFUSED);
        assertThat(doc.bounces().get(0).status()).isEqualTo("4.4.7");
        assertThat(yaml("version: 3\nmailbox: null\ndomain: example.org\n").domainChecked()).isEqualTo("example.org");
    }

    @Test
    void aVersion3DocumentDescribesOutlooksWayIn() throws Exception {
        FactsDocument doc = yaml("""
                version: 3
                mailbox: jane@example.com
                domain: example.com
                client:
                  wildcard: false
                  autodiscover:
                    attempts:
                      - method: root-domain
                        url: https://example.com/autodiscover/autodiscover.xml
                        address: 198.51.100.20
                        connect: ok
                        tls: {status: name-mismatch, subject: CN=www.example-webhost.net, names: [www.example-webhost.net],
                              issuer: "CN=R11, O=Let's Encrypt, C=US", notAfter: 2027-02-01T00:00:00Z}
                        http: {status: 401, location: null, authMethods: [Basic, NTLM]}
                        response: null
                      - method: srv
                        url: https://ex.mail.ovh.net/autodiscover/autodiscover.xml
                        address: 198.51.100.30
                        connect: ok
                        tls: {status: ok, subject: CN=ex.mail.ovh.net, names: [ex.mail.ovh.net], issuer: CN=CA, notAfter: 2027-06-01T00:00:00Z}
                        http: {status: 200, authMethods: []}
                        response:
                          errorCode: null
                          protocols:
                            - {type: EXCH, server: ex.mail.ovh.net, ewsUrl: https://ex.mail.ovh.net/EWS/Exchange.asmx}
                    result: {method: srv, ewsUrl: https://ex.mail.ovh.net/EWS/Exchange.asmx}
                  ews:
                    url: https://ex.mail.ovh.net/EWS/Exchange.asmx
                    connect: ok
                    http: {status: 200, location: null, authMethods: []}
                    login: ok
                """);
        assertThat(doc.client().wildcard()).isFalse();
        assertThat(doc.client().autodiscover().attempts()).extracting(a -> a.method().wire()).containsExactly("root-domain", "srv");
        assertThat(doc.client().autodiscover().attempts().get(0).tls().status()).isEqualTo(TlsStatus.NAME_MISMATCH);
        assertThat(doc.client().autodiscover().result().method()).isEqualTo(AutodiscoverMethod.SRV);
        assertThat(doc.client().ews().login()).isEqualTo(EwsLogin.OK);
    }

    @Test
    void sectionsAreOptional() throws Exception {
        FactsDocument doc = json(MINIMAL_JSON);
        assertThat(doc.dns()).isNull();
        assertThat(doc.smtp()).isNull();
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = MINIMAL_JSON.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(body, 0, both, 3, body.length);
        assertThat(reader.read(both, FactsFormat.JSON).mailbox()).isEqualTo("jane@example.com");
        assertThat(reader.read(both, FactsFormat.YAML).mailbox()).isEqualTo("jane@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field          | {"version":1,"mailbox":"a@b.c","dns":{"mx":{"status":"ok","statuz":1}}} | dns.mx.statuz | unknown field "statuz"
            wrong type (string)    | {"version":1,"mailbox":"a@b.c","smtp":{"port":"587"}}                    | smtp.port  | wrong type
            wrong type (object)    | {"version":1,"mailbox":"a@b.c","testEmail":{"sent":{"x":1}}}             | testEmail.sent | wrong type
            wrong type (float)     | {"version":1,"mailbox":"a@b.c","smtp":{"port":587.5}}                    | smtp.port  | invalid value 587.5
            bad enum               | {"version":1,"mailbox":"a@b.c","dns":{"mx":{"status":"broken"}}}         | dns.mx.status | expected one of: ok, nxdomain, nodata, servfail, timeout, error
            bad stage              | {"version":1,"mailbox":"a@b.c","smtp":{"replies":[{"stage":"HELO","reply":"250 ok"}]}} | smtp.replies[0].stage | CONNECT
            wrong version          | {"version":4,"mailbox":"a@b.c"}                                          | version    | unsupported version 4
            v3 field in v2 bounce  | {"version":2,"mailbox":"a@b.c","bounces":[{"reply":"550 x","kind":"expired"}]} | bounces[0].kind | needs version 3
            v3 domain in v1        | {"version":1,"mailbox":"a@b.c","domain":"b.c"}                          | domain     | needs version 3
            bad bounce kind        | {"version":3,"mailbox":null,"bounces":[{"reply":"550 x","kind":"lost"}]} | bounces[0].kind | expected one of: refused, expired, undeliverable
            bad bounce status      | {"version":3,"mailbox":null,"bounces":[{"reply":"550 x","status":"5.1"}]} | bounces[0].status | not an enhanced status code
            mailbox null before v3 | {"version":2,"mailbox":null}                                             | mailbox    | is required
            spf explanation in v2  | {"version":2,"mailbox":"a@b.c","dns":{"spf":{"status":"ok","checks":[{"ip":"192.0.2.1","result":"fail","explanation":"no"}]}}} | dns.spf.checks[0].explanation | needs version 3
            client before v3       | {"version":2,"mailbox":"a@b.c","client":{"wildcard":true}}               | client     | needs version 3
            bad tls status         | {"version":3,"mailbox":"a@b.c","client":{"ews":{"url":"https://x.y/EWS","connect":"ok","tls":{"status":"fine"}}}} | client.ews.tls.status | expected one of: ok, expired
            not an http url        | {"version":3,"mailbox":"a@b.c","client":{"ews":{"url":"ftp://x.y/EWS","connect":"ok"}}} | client.ews.url | not an http or https URL
            sendingIp before v3    | {"version":2,"mailbox":"a@b.c","sendingIp":[{"address":"192.0.2.1","ptr":{"status":"nxdomain"}}]} | sendingIp | needs version 3
            sending ip not an ip   | {"version":3,"mailbox":"a@b.c","sendingIp":[{"address":"mail.b.c","ptr":{"status":"ok"}}]} | sendingIp[0].address | not an IP address
            sending ip without ptr | {"version":3,"mailbox":"a@b.c","sendingIp":[{"address":"192.0.2.1"}]} | sendingIp[0].ptr | is required
            bad block-list status  | {"version":3,"mailbox":"a@b.c","sendingIp":[{"address":"192.0.2.1","ptr":{"status":"ok"},"lists":[{"zone":"zen.spamhaus.org","status":"maybe"}]}]} | sendingIp[0].lists[0].status | expected one of: listed, clear, error
            domain not the mailbox | {"version":3,"mailbox":"a@b.c","domain":"c.d"}                          | domain     | not the mailbox
            missing version        | {"mailbox":"a@b.c"}                                                      | version    | is required
            missing mailbox        | {"version":1}                                                            | mailbox    | is required
            not an address         | {"version":1,"mailbox":"jane"}                                           | mailbox    | not an email address
            port out of range      | {"version":1,"mailbox":"a@b.c","smtp":{"port":70000}}                    | smtp.port  | between 1 and 65535
            srv port out of range  | {"version":1,"mailbox":"a@b.c","dns":{"autodiscoverSrv":{"status":"ok","records":[{"priority":0,"weight":0,"port":-1,"target":"x.y"}]}}} | dns.autodiscoverSrv.records[0].port | between 0 and 65535
            missing record field   | {"version":1,"mailbox":"a@b.c","dns":{"mx":{"status":"ok","records":[{"host":"mx1.mail.ovh.net"}]}}} | dns.mx.records[0].preference | is required
            odd host name          | {"version":1,"mailbox":"a@b.c","dns":{"mx":{"status":"ok","records":[{"preference":1,"host":"mx1 mail;rm -rf"}]}}} | dns.mx.records[0].host | not a valid host name
            bad instant            | {"version":1,"mailbox":"a@b.c","collectedAt":"yesterday"}               | collectedAt | expected an instant
            huge number            | {"version":1,"mailbox":"a@b.c","smtp":{"port":99999999999999999999}}    | smtp.port  | out of range
            duplicate key          | {"version":1,"mailbox":"a@b.c","mailbox":"b@c.d"}                        | mailbox    | Duplicate field 'mailbox'
            not an object          | [1,2,3]                                                                  |            | must be an object
            truncated              | {"version":1,"mailbox":"a@b                                              | mailbox    | syntax error
            trailing garbage       | {"version":1,"mailbox":"a@b.c"} {"x":1}                                  |            | more than one document
            """)
    void badJsonNamesTheField(String kind, String document, String field, String message) {
        FactsException e = jsonError(document);
        assertThat(e).as(kind).isNotNull();
        assertThat(e.field()).as(kind + ": field").isEqualTo(field);
        assertThat(e.getMessage()).as(kind + ": message").contains(message);
        assertThat(e.getMessage()).as("one line").doesNotContain("\n");
    }

    @Test
    void emptyAndBlankDocumentsAreErrors() {
        assertThat(jsonError("").getMessage()).isEqualTo("empty document");
        assertThat(yamlError("  \n\n").getMessage()).isEqualTo("empty document");
        assertThat(yamlError("# only a comment\n").getMessage()).isEqualTo("empty document");
    }

    @Test
    void binaryGarbageIsASyntaxError() {
        byte[] garbage = new byte[512];
        new java.util.Random(42).nextBytes(garbage);
        assertThatThrownBy(() -> reader.read(garbage, FactsFormat.JSON)).isInstanceOf(FactsException.class);
        assertThatThrownBy(() -> reader.read(garbage, FactsFormat.YAML)).isInstanceOf(FactsException.class);
    }

    @Test
    void invalidUtf8IsAnError() {
        byte[] doc = "{\"version\":1,\"mailbox\":\"j\u00e9@example.com\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(doc, FactsFormat.JSON)).isInstanceOf(FactsException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> reader.read(doc, FactsFormat.YAML)).isInstanceOf(FactsException.class);
    }

    @Test
    void truncatedYamlIsAnError() {
        FactsException e = yamlError("version: 1\nmailbox: jane@example.com\ndns:\n  mx: {status: ok, records: [{preference: 1, host: mx1.ma");
        assertThat(e.getMessage()).contains("syntax error");
    }

    @Test
    void yamlBadEnumNamesTheField() {
        FactsException e = yamlError("version: 1\nmailbox: a@b.c\naccount:\n  state: frozen\n");
        assertThat(e.field()).isEqualTo("account.state");
        assertThat(e.getMessage()).contains("\"frozen\"").contains("active, suspended, expired, unknown");
    }

    @Test
    void yamlDuplicateKeysAreErrors() {
        assertThat(yamlError("version: 1\nmailbox: a@b.c\nmailbox: d@e.f\n").getMessage()).containsIgnoringCase("duplicate");
    }

    @Test
    void yamlStringWhereANumberGoesIsAnError() {
        FactsException e = yamlError("version: 1\nmailbox: a@b.c\nsmtp: {port: \"587\"}\n");
        assertThat(e.field()).isEqualTo("smtp.port");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"version\":1,\"mailbox\":\"a@b.c\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(jsonError(deep)).isNotNull();
        String deepYaml = "version: 1\nmailbox: a@b.c\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertThat(yamlError(deepYaml)).isNotNull();
    }

    /**
     * A valid document is 5 levels deep at most (dns.mx.records[0]), so the depth limit is reached with a
     * lower one: refused at 4, read at 5. Were the limit not applied, the first assertion would fail.
     */
    @Test
    void theNestingLimitIsReachedAndHolds() throws Exception {
        String json = "{\"version\":1,\"mailbox\":\"a@b.c\",\"dns\":{\"mx\":{\"status\":\"ok\",\"records\":"
                + "[{\"preference\":1,\"host\":\"mx1.mail.ovh.net\"}]}}}";
        String yaml = "version: 1\nmailbox: a@b.c\ndns:\n  mx:\n    status: ok\n    records:\n      - {preference: 1, host: mx1.mail.ovh.net}\n";
        FactsReader shallow = new FactsReader(new FactsLimits(1 << 20, 4, 64 * 1024));
        FactsReader enough = new FactsReader(new FactsLimits(1 << 20, 5, 64 * 1024));
        for (var doc : java.util.Map.of(FactsFormat.JSON, json, FactsFormat.YAML, yaml).entrySet()) {
            byte[] bytes = doc.getValue().getBytes(StandardCharsets.UTF_8);
            FactsException e = org.assertj.core.api.Assertions.catchThrowableOfType(FactsException.class,
                    () -> shallow.read(bytes, doc.getKey()));
            assertThat(e).as(doc.getKey() + " refused at depth 4").isNotNull();
            assertThat(e.getMessage()).as(doc.getKey().toString()).contains("limit").containsIgnoringCase("depth");
            assertThat(enough.read(bytes, doc.getKey()).dns().mx().records()).hasSize(1);
        }
    }
    @Test
    void hugeStringsAreRefused() {
        String doc = "{\"version\":1,\"mailbox\":\"a@b.c\",\"smtp\":{\"replies\":[{\"stage\":\"CONNECT\",\"reply\":\""
                + "x".repeat(200_000) + "\"}]}}";
        assertThat(jsonError(doc).getMessage()).contains("limit");
    }

    @Test
    void oversizedDocumentIsRefusedBeforeParsing() {
        byte[] big = new byte[FactsLimits.DEFAULT.maxDocumentBytes() + 1];
        assertThatThrownBy(() -> reader.read(big, FactsFormat.JSON)).hasMessageContaining("document too large");
    }

    @Test
    @Timeout(5)
    void yamlBillionLaughsIsHarmless() {
        String bomb = "version: 2\nmailbox: a@b.c\nbounces:\n  - {reply: &r \"550 " + "lol ".repeat(10_000) + "\"}\n"
                + "  - {reply: *r}\n".repeat(10_000);
        FactsException e = yamlError(bomb);
        assertThat(e.getMessage()).contains("YAML aliases are not allowed").contains("*r");
        assertThat(e.field()).isEqualTo("bounces[1]");
    }

    /** The alias limit is what refuses them: lifted, the same document reads (Jackson leaves aliases unexpanded). */
    @Test
    void theAliasLimitIsWhatRefusesAliases() throws Exception {
        byte[] doc = "version: 2\nmailbox: &m a@b.c\nbounces:\n  - {reply: *m}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(FactsException.class,
                () -> new FactsReader().read(doc, FactsFormat.YAML)).getMessage()).contains("aliases");
        FactsReader lifted = new FactsReader(new FactsLimits(1 << 20, 16, 64 * 1024, 1));
        assertThat(lifted.read(doc, FactsFormat.YAML).bounces()).hasSize(1);
    }

    @Test
    void yamlTagsDoNotBuildJavaObjects() {
        FactsException e = yamlError("version: 1\nmailbox: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
        assertThat(e.field()).isEqualTo("mailbox");
    }
}

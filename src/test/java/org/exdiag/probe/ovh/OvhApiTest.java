package org.exdiag.probe.ovh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.exdiag.facts.AccountState;
import org.exdiag.facts.Offer;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.probe.AccountSource;
import org.exdiag.probe.ProbeException;
import org.exdiag.probe.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OvhApiTest {
    private FakeOvhApi fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeOvhApi();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private OvhApi api(String secret) {
        return new OvhApi(fake.base(), new OvhCredentials(FakeOvhApi.AK, secret.toCharArray(), FakeOvhApi.CK),
                Duration.ofSeconds(2), Clock.systemUTC());
    }

    private AccountSource.View fetch(OvhAccountSource.Diagnosis mode) throws ProbeException {
        try (Secret password = new Secret("mailbox-password-5e".toCharArray())) {
            return new OvhAccountSource(api(FakeOvhApi.AS), mode, Duration.ofSeconds(5), Clock.systemUTC())
                    .fetch("jane@example.com", password);
        }
    }

    @Test
    void signatureMatchesThePublishedTestVector() {
        assertThat(OvhSignature.sign("fake application secret".toCharArray(), "fake consumer key", "METHOD",
                "https://eu.api.ovh.com/1.0/unit/test", "", 1404395931L)).isEqualTo("$1$16ae5ba8c63841b1951575be905867991d5f49dc");
    }

    @Test
    void regionsHaveTheirBaseUrls() {
        assertThat(OvhApi.baseUrl("eu")).isEqualTo("https://eu.api.ovh.com/1.0");
        assertThat(OvhApi.baseUrl("CA")).isEqualTo("https://ca.api.ovh.com/1.0");
        assertThat(OvhApi.baseUrl("us")).isEqualTo("https://api.us.ovhcloud.com/1.0");
    }

    @Test
    void findsTheAccountAndReadsFlagsOfferAndTheLastDiagnosis() throws Exception {
        AccountSource.View view = fetch(OvhAccountSource.Diagnosis.REUSE);
        assertThat(view.problems()).isEmpty();
        assertThat(view.account().state()).isEqualTo(AccountState.ACTIVE);
        assertThat(view.account().spamBlocked()).isTrue();
        assertThat(view.account().subscriptionExpiresAt()).isEqualTo(Instant.parse("2027-02-28T23:00:00Z"));
        // currentUsage in KB, quota in GB (the API's schema): 50,937,500 KB of 50 GB
        assertThat(view.account().mailboxQuota()).isEqualTo(new org.exdiag.facts.MailboxQuota(52_160_000_000L, 53_687_091_200L));
        assertThat(view.offer()).isEqualTo(Offer.HOSTED);
        assertThat(view.provider().isSpammer()).isTrue();
        assertThat(view.provider().lastCheck()).isEqualTo(Instant.parse("2026-11-26T09:58:00Z"));
        // every signed call passed the fake's signature and timestamp checks (it answers 400 otherwise)
        assertThat(fake.calls).contains("GET /1.0/auth/time", "GET /1.0/email/exchange/org-hosted/service/hosted-svc/account/jane%40example.com");
    }

    @Test
    void readsTheDomainsDkimSelectorsTheirTargetsAndStates() throws Exception {
        AccountSource.View view = fetch(OvhAccountSource.Diagnosis.SKIP);
        assertThat(view.dkim()).extracting(s -> s.name() + " -> " + s.expectedCname() + " " + s.providerStatus().wire())
                .containsExactly("ovhex123456-selector1 -> ovhex123456-selector1._domainkey.1500.ab.dkim.mail.ovh.net inProduction",
                        "ovhex123456-selector2 -> ovhex123456-selector2._domainkey.1500.ab.dkim.mail.ovh.net ready");
        assertThat(fake.calls).contains("GET /1.0/email/exchange/org-hosted/service/hosted-svc/domain/example.com/dkimSelector");
    }

    @Test
    void dkimSelectorsTheApiRefusesAreCouldNotCheckNotNotEnabled() throws Exception {
        fake.fail("/email/exchange/org-hosted/service/hosted-svc/domain/example.com/dkimSelector", 403, "NOT_GRANTED_CALL");
        AccountSource.View view = fetch(OvhAccountSource.Diagnosis.SKIP);
        assertThat(view.dkim()).as("unknown, so the selectors are not probed").isNull();
        assertThat(view.problems()).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo("dns.dkim");
            assertThat(p.reason()).startsWith("DKIM selectors: HTTP 403 NOT_GRANTED_CALL");
        });
        assertThat(view.account()).as("the rest is still read").isNotNull();
    }

    @Test
    void theMappingToTheServiceIsRemembered() throws Exception {
        OvhAccountSource source = new OvhAccountSource(api(FakeOvhApi.AS), OvhAccountSource.Diagnosis.SKIP,
                Duration.ofSeconds(5), Clock.systemUTC());
        try (Secret password = new Secret("x".toCharArray())) {
            source.fetch("jane@example.com", password);
            fake.calls.clear();
            source.fetch("jane@example.com", password);
        }
        assertThat(fake.calls).noneMatch(c -> c.endsWith("/email/exchange") || c.endsWith("/service"));
    }

    @Test
    void runningADiagnosisPostsThePasswordAndWaitsForTheNewResult() throws Exception {
        AccountSource.View view = fetch(OvhAccountSource.Diagnosis.RUN);
        assertThat(view.problems()).isEmpty();
        assertThat(view.provider().isSpammer()).isFalse();
        assertThat(fake.calls).contains("POST /1.0/email/exchange/org-hosted/service/hosted-svc/account/jane%40example.com/diagnostics");
        assertThat(fake.bodies).anyMatch(b -> b.contains("mailbox-password-5e"));
    }

    @Test
    void aWrongSecretIsCouldNotCheckWithTheApiErrorCode() throws Exception {
        try (Secret password = new Secret("x".toCharArray())) {
            AccountSource.View view = new OvhAccountSource(api("not-the-secret"), OvhAccountSource.Diagnosis.REUSE,
                    Duration.ofSeconds(5), Clock.systemUTC()).fetch("jane@example.com", password);
            assertThat(view.account()).isNull();
            assertThat(view.problems()).containsExactly(new CouldNotCheckFacts("account", "finding the account: HTTP 400 INVALID_SIGNATURE: Invalid signature"));
        }
    }

    @Test
    void refusedRateLimitedAndFailingCallsAreCouldNotCheck() throws Exception {
        fake.fail("/email/exchange/org-hosted/service/hosted-svc/account/jane%40example.com/diagnostics", 403, "NOT_GRANTED_CALL");
        fake.fail("/email/exchange/org-hosted/service/hosted-svc/account/", 429, "TOO_MANY_REQUESTS");
        AccountSource.View view = fetch(OvhAccountSource.Diagnosis.REUSE);
        assertThat(view.account()).isNull();
        assertThat(view.provider()).isNull();
        assertThat(view.problems()).anyMatch(p -> p.reason().contains("HTTP 429 TOO_MANY_REQUESTS") || p.reason().contains("HTTP 403 NOT_GRANTED_CALL"));
        FakeOvhApi other = fake;
        other.fail("/email/exchange/org-hosted/service/hosted-svc", 500, "INTERNAL_ERROR");
        assertThat(fetch(OvhAccountSource.Diagnosis.SKIP).problems()).anyMatch(p -> p.reason().contains("HTTP 500 INTERNAL_ERROR"));
    }

    @Test
    void aSlowApiIsATimeoutNotAHang() throws Exception {
        fake.slowMillis = 5000;
        long start = System.nanoTime();
        AccountSource.View view = fetch(OvhAccountSource.Diagnosis.REUSE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(view.problems()).containsExactly(new CouldNotCheckFacts("account", "finding the account: no answer TIMEOUT: no answer within 2 s"));
    }

    @Test
    void anUnknownMailboxIsSaidPlainly() throws Exception {
        try (Secret password = new Secret("x".toCharArray())) {
            AccountSource.View view = new OvhAccountSource(api(FakeOvhApi.AS), OvhAccountSource.Diagnosis.REUSE,
                    Duration.ofSeconds(5), Clock.systemUTC()).fetch("nobody@example.com", password);
            assertThat(view.problems()).containsExactly(new CouldNotCheckFacts("account", "no Exchange service of these API keys holds nobody@example.com"));
        }
    }

    @Test
    void keysComeFromTheEnvironmentOrAPrivateFileNeverShown() throws Exception {
        OvhCredentials env = OvhCredentials.fromEnvironment(Map.of("OVH_APPLICATION_KEY", "a", "OVH_APPLICATION_SECRET", "s3cr3t",
                "OVH_CONSUMER_KEY", "c"));
        assertThat(env.toString()).doesNotContain("s3cr3t");
        assertThat(catchThrowableOfType(ProbeException.class, () -> OvhCredentials.fromEnvironment(Map.of()))).hasMessageContaining("OVH_APPLICATION_KEY");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ovh", ".conf");
        try {
            java.nio.file.Files.writeString(file, "application_key=a\napplication_secret=s\nconsumer_key=c\n");
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(catchThrowableOfType(ProbeException.class, () -> OvhCredentials.fromFile(file))).hasMessageContaining("chmod 600");
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertThat(OvhCredentials.fromFile(file).toString()).contains("applicationKey=a");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}

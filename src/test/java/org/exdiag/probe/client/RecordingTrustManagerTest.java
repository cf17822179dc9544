package org.exdiag.probe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.exdiag.facts.TlsStatus;
import org.junit.jupiter.api.Test;

/**
 * How a certificate's status is told apart, around the JDK's checks (ClientProbeTest does it over real TLS):
 * a certificate that checks out is validated once; when the whole check fails, the chain alone says
 * whether the name or the chain is at fault.
 */
class RecordingTrustManagerTest {
    private static final TestCertificates CA = new TestCertificates();

    /** The JDK's trust manager as far as this class sees it: the whole check and the chain alone, counted. */
    private static final class Delegate extends X509ExtendedTrustManager {
        final boolean wholeOk;
        final boolean chainOk;
        int whole;
        int chainAlone;

        Delegate(boolean wholeOk, boolean chainOk) {
            this.wholeOk = wholeOk;
            this.chainOk = chainOk;
        }

        private void whole() throws CertificateException {
            whole++;
            if (!wholeOk) {
                throw new CertificateException("whole check failed");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            whole();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            whole();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            chainAlone++;
            if (!chainOk) {
                throw new CertificateException("chain failed");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static RecordingTrustManager over(Delegate delegate) {
        return new RecordingTrustManager(delegate, Instant.now());
    }

    @Test
    void aCertificateThatChecksOutIsValidatedOnce() throws Exception {
        Delegate jdk = new Delegate(true, true);
        RecordingTrustManager recorder = over(jdk);
        recorder.checkServerTrusted(CA.valid("mail.example.test").chain(), "RSA", (Socket) null);
        assertThat(recorder.seen().status()).isEqualTo(TlsStatus.OK);
        assertThat(jdk.whole + jdk.chainAlone).isEqualTo(1);
    }

    @Test
    void aChainThatChecksOutUnderAnotherNameIsANameMismatch() {
        Delegate jdk = new Delegate(false, true);
        RecordingTrustManager recorder = over(jdk);
        assertThatThrownBy(() -> recorder.checkServerTrusted(CA.valid("www.example.test").chain(), "RSA", (Socket) null))
                .isInstanceOf(CertificateException.class);
        assertThat(recorder.seen().status()).isEqualTo(TlsStatus.NAME_MISMATCH);
    }

    @Test
    void aChainToNoTrustAnchorIsUntrustedOrIncomplete() {
        RecordingTrustManager selfSigned = over(new Delegate(false, false));
        assertThatThrownBy(() -> selfSigned.checkServerTrusted(CA.selfSigned("mail.example.test").chain(), "RSA", (Socket) null))
                .isInstanceOf(CertificateException.class);
        assertThat(selfSigned.seen().status()).isEqualTo(TlsStatus.UNTRUSTED);
        RecordingTrustManager alone = over(new Delegate(false, false));
        assertThatThrownBy(() -> alone.checkServerTrusted(CA.withoutIntermediate("mail.example.test").chain(), "RSA", (Socket) null))
                .isInstanceOf(CertificateException.class);
        assertThat(alone.seen().status()).isEqualTo(TlsStatus.INCOMPLETE_CHAIN);
    }

    @Test
    void anExpiredCertificateIsJudgedByItsDatesBeforeAnyCheck() {
        Delegate jdk = new Delegate(true, true);
        RecordingTrustManager recorder = over(jdk);
        assertThatThrownBy(() -> recorder.checkServerTrusted(CA.expired("mail.example.test").chain(), "RSA", (Socket) null))
                .isInstanceOf(CertificateException.class);
        assertThat(recorder.seen().status()).isEqualTo(TlsStatus.EXPIRED);
        assertThat(jdk.whole + jdk.chainAlone).isZero();
    }
}

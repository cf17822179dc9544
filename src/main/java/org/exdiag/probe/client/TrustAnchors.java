package org.exdiag.probe.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a server's chain must lead to: the system's trust store, plus PEM certificates the
 * user trusts besides ({@code --trust FILE}: a lab's or a company's private CA). Adding anchors never
 * turns checking off.
 */
public final class TrustAnchors {
    private TrustAnchors() {
    }

    /** The PEM certificates of a file; a clear one-line error when it holds none or cannot be read. */
    public static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return pem(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The PEM certificates of a text (an HTTP request's lab option); {@code shown} names it in errors. */
    public static List<X509Certificate> pem(InputStream in, String shown) {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(shown + " holds no PEM certificate");
            }
            return List.copyOf(certs);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException(shown + " does not hold PEM certificates");
        }
    }

    /** A PKIX trust manager of the system's anchors and {@code extra}. */
    public static X509ExtendedTrustManager trustManager(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : SystemAnchors.CERTIFICATES) {
                store.setCertificateEntry("system-" + i++, c);
            }
            for (X509Certificate c : extra) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            return (X509ExtendedTrustManager) pkix(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the trust store cannot be built", e);
        }
    }

    /**
     * The JDK's trust store, read once for the process: every diagnostic (each /diagnose request of the
     * server) built a PKIX factory just to list them again.
     */
    private static final class SystemAnchors {
        static final List<X509Certificate> CERTIFICATES = read();

        private static List<X509Certificate> read() {
            try {
                return List.of(((X509TrustManager) pkix(null)).getAcceptedIssuers());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the system's trust store cannot be read", e);
            }
        }
    }

    private static TrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) {
                return tm;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}

package org.exdiag.probe.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.exdiag.facts.ClientFacts.Tls;
import org.exdiag.facts.TlsStatus;

/**
 * A trust manager that checks a server's certificate exactly as the JDK's does (the chain against the
 * trust anchors, the dates, the host name) and, instead of throwing the reason away, keeps what failed
 * and the certificate's subject, names, issuer and end date. A certificate that does not check out is
 * still refused: the handshake fails, no request is sent over it. One instance per connection.
 */
public final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final Instant now;
    private volatile Tls seen;

    /**
     * @param delegate the PKIX trust manager of the trust anchors ({@link TrustAnchors})
     * @param now      when the dates are judged: the moment of the connection
     */
    public RecordingTrustManager(X509ExtendedTrustManager delegate, Instant now) {
        this.delegate = delegate;
        this.now = now;
    }

    /** What the server presented and how it checked out; null when no certificate was presented. */
    public Tls seen() {
        return seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        judge(chain, authType, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        judge(chain, authType, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // No socket: no host name to check against; refused rather than half-checked.
        seen = describe(TlsStatus.HANDSHAKE_FAILED, chain);
        throw new CertificateException("the host name cannot be checked without a connection");
    }

    private interface Check {
        void run() throws CertificateException;
    }

    /**
     * Dates first (against {@code now}), then the whole check (chain and host name); only when that fails,
     * the chain alone, to tell a name that does not match (the chain checks out) from a chain that does not
     * lead to a trust anchor. A certificate that checks out is validated once. A failed check is rethrown
     * so that the handshake fails.
     */
    private void judge(X509Certificate[] chain, String authType, Check withHostName) throws CertificateException {
        if (chain == null || chain.length == 0) {
            seen = null;
            throw new CertificateException("no certificate presented");
        }
        TlsStatus status = dates(chain[0]);
        if (status == null) {
            try {
                withHostName.run();
            } catch (CertificateException whole) {
                try {
                    delegate.checkServerTrusted(chain, authType);
                    status = TlsStatus.NAME_MISMATCH;
                } catch (CertificateException chainAlone) {
                    status = chainStatus(chain);
                }
            }
        }
        seen = describe(status == null ? TlsStatus.OK : status, chain);
        if (status != null) {
            throw new CertificateException("certificate " + status.wire());
        }
    }

    private TlsStatus dates(X509Certificate leaf) {
        try {
            leaf.checkValidity(Date.from(now));
            return null;
        } catch (CertificateExpiredException e) {
            return TlsStatus.EXPIRED;
        } catch (CertificateNotYetValidException e) {
            return TlsStatus.NOT_YET_VALID;
        }
    }

    /**
     * Why a chain did not lead to a trust anchor: a lone certificate issued by someone else lacks its
     * intermediate (the server did not send it); otherwise (self-signed, or a chain up to an unknown
     * root) its issuer is not trusted.
     */
    static TlsStatus chainStatus(X509Certificate[] chain) {
        X509Certificate leaf = chain[0];
        boolean selfIssued = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
        return chain.length == 1 && !selfIssued ? TlsStatus.INCOMPLETE_CHAIN : TlsStatus.UNTRUSTED;
    }

    static Tls describe(TlsStatus status, X509Certificate[] chain) {
        X509Certificate leaf = chain[0];
        return new Tls(status, leaf.getSubjectX500Principal().toString(), names(leaf), leaf.getIssuerX500Principal().toString(),
                leaf.getNotAfter().toInstant());
    }

    /** The subject alternative names: DNS names and IP addresses, as the certificate gives them. */
    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> entry : cert.getSubjectAlternativeNames()) {
                    Object type = entry.get(0);
                    if ((Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) && entry.get(1) instanceof String s
                            && names.size() < 100) {
                        names.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // a certificate whose names cannot be read shows none: its status says what was wrong
        }
        return names;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}

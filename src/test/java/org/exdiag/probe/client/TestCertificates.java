package org.exdiag.probe.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made by the tests: a test root CA and an intermediate, and server certificates signed by
 * the intermediate (valid, expired, not yet valid, for other names), self-signed, or served without their
 * intermediate. The root is what a test trusts ({@link #writeRootPem}); nothing here reaches a real CA.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key and the chain a server presents (leaf first). */
    public record Identity(PrivateKey key, X509Certificate... chain) {
        public X509Certificate leaf() {
            return chain[0];
        }

        /** A server's TLS context presenting this identity. */
        public SSLContext serverContext() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                char[] pass = "test".toCharArray();
                store.setKeyEntry("server", key, pass, chain);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, pass);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public final Identity root;
    public final Identity intermediate;

    public TestCertificates() {
        KeyPair rootKeys = keys();
        X509Certificate rootCert = sign("CN=exdiag test root", rootKeys, "CN=exdiag test root", rootKeys.getPrivate(), true,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(3650)));
        root = new Identity(rootKeys.getPrivate(), rootCert);
        KeyPair interKeys = keys();
        X509Certificate interCert = sign("CN=exdiag test intermediate", interKeys, "CN=exdiag test root", rootKeys.getPrivate(), true,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(1825)));
        intermediate = new Identity(interKeys.getPrivate(), interCert, rootCert);
    }

    /** A server certificate for {@code names}, signed by the intermediate, valid between the two instants, with its chain. */
    public Identity server(Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = keys();
        X509Certificate cert = sign("CN=" + names[0], keys, "CN=exdiag test intermediate", intermediate.key(), false, notBefore, notAfter,
                names);
        return new Identity(keys.getPrivate(), cert, intermediate.chain()[0]);
    }

    /** Valid for a year. */
    public Identity valid(String... names) {
        return server(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), names);
    }

    public Identity expired(String... names) {
        return server(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35)), names);
    }

    public Identity notYetValid(String... names) {
        return server(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(400)), names);
    }

    public Identity expiringIn(Duration left, String... names) {
        return server(Instant.now().minus(Duration.ofDays(80)), Instant.now().plus(left), names);
    }

    /** Signed by the intermediate, but served without it. */
    public Identity withoutIntermediate(String... names) {
        Identity full = valid(names);
        return new Identity(full.key(), full.leaf());
    }

    public Identity selfSigned(String... names) {
        KeyPair keys = keys();
        X509Certificate cert = sign("CN=" + names[0], keys, "CN=" + names[0], keys.getPrivate(), false,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), names);
        return new Identity(keys.getPrivate(), cert);
    }

    /** The root in PEM, in a file, for {@code --trust}. */
    public Path writeRootPem(Path dir) {
        try {
            Path file = dir.resolve("test-root.pem");
            Files.writeString(file, rootPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String rootPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.leaf().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey, boolean ca,
                                        Instant notBefore, Instant notAfter, String... names) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name(subject), subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                GeneralName[] san = new GeneralName[names.length];
                for (int i = 0; i < names.length; i++) {
                    san[i] = new GeneralName(GeneralName.dNSName, names[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.exdiag.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.probe.TestDnsServer;

/**
 * Generated customer domains in the test DNS server, for the sweep's tests and benchmark: domain
 * {@code i} is {@code d<i>.sweep.test}; one in ten is broken in one way ({@link Breakage}, in turn), and
 * every fiftieth's server does not answer (its lookups time out). The provider's own names (the SPF
 * domain mx.ovh.com, the MX and SRV hosts) are there once, as on the real DNS.
 */
public final class SweepLab {
    /** How a generated domain is broken, and the root cause the rules must give it (null: healthy). */
    public enum Breakage {
        NONE(null),
        MX_ELSEWHERE("MX_INVALID"),
        MX_MISSING("MX_INVALID"),
        SRV_PORT("SRV_INVALID"),
        SPF_MISSING("SPF_MISSING"),
        SPF_PASS_ALL("SPF_INVALID"),
        SPF_TWICE("SPF_INVALID"),
        DMARC_MISSING("DMARC_MISSING"),
        AUTODISCOVER_LEFTOVER("AUTODISCOVER_CONFLICT"),
        /** The domain's server is silent: every lookup of its own names times out ("could not check"). */
        TIMEOUT(null);

        public final String rootCause;

        Breakage(String rootCause) {
            this.rootCause = rootCause;
        }
    }

    private static final Breakage[] KINDS = {Breakage.MX_ELSEWHERE, Breakage.MX_MISSING, Breakage.SRV_PORT, Breakage.SPF_MISSING,
            Breakage.SPF_PASS_ALL, Breakage.SPF_TWICE, Breakage.DMARC_MISSING, Breakage.AUTODISCOVER_LEFTOVER};

    private SweepLab() {
    }

    public static String domain(int i) {
        return "d" + i + ".sweep.test";
    }

    public static Breakage breakage(int i) {
        if (i % 50 == 17) {
            return Breakage.TIMEOUT;
        }
        return i % 10 == 3 ? KINDS[(i / 10) % KINDS.length] : Breakage.NONE;
    }

    /** Serves domains 0 to {@code count - 1} and the provider's names. */
    public static TestDnsServer serve(TestDnsServer dns, int count) {
        dns.txt("mx.ovh.com", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:100::/48 ~all")
                .a("mx1.mail.ovh.net", "192.0.2.25").a("ex.mail.ovh.net", "192.0.2.80").a("mailconfig.ovh.net", "192.0.2.81")
                .a("www.elsewhere.test", "192.0.2.99").mx("elsewhere.test", 10, "mx.elsewhere.test");
        for (int i = 0; i < count; i++) {
            domain(dns, domain(i), breakage(i));
        }
        return dns;
    }

    private static void domain(TestDnsServer dns, String d, Breakage b) {
        if (b == Breakage.TIMEOUT) {
            for (String name : new String[] {d, "_autodiscover._tcp." + d, "autodiscover." + d, "_dmarc." + d}) {
                dns.silent(name);
            }
            return;
        }
        switch (b) {
            case MX_ELSEWHERE -> dns.mx(d, 10, "mx.elsewhere.test");
            case MX_MISSING -> dns.txt(d, "google-site-verification=abc"); // the name exists, without MX
            default -> dns.mx(d, 1, "mx1.mail.ovh.net");
        }
        dns.srv("_autodiscover._tcp." + d, 0, 0, b == Breakage.SRV_PORT ? 8443 : 443, "ex.mail.ovh.net");
        switch (b) {
            case SPF_MISSING -> { }
            case SPF_PASS_ALL -> dns.txt(d, "v=spf1 include:mx.ovh.com +all");
            case SPF_TWICE -> dns.txt(d, "v=spf1 include:mx.ovh.com ~all").txt(d, "v=spf1 a mx -all");
            default -> dns.txt(d, "v=spf1 include:mx.ovh.com ~all");
        }
        if (b != Breakage.DMARC_MISSING) {
            dns.txt("_dmarc." + d, "v=DMARC1; p=none");
        }
        dns.cname("autodiscover." + d, b == Breakage.AUTODISCOVER_LEFTOVER ? "mailconfig.ovh.net" : "ex.mail.ovh.net");
    }

    /** The input file: one domain a line, {@code count} of them. */
    public static Path input(Path file, int count) {
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                w.write(domain(i));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

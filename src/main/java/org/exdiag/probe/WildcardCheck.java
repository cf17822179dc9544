package org.exdiag.probe;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.exdiag.facts.LookupStatus;
import org.xbill.DNS.Type;

/**
 * Whether a wildcard record answers for any name under the domain: a label nobody would publish
 * ({@code exdiag-<random>.<domain>}) is looked up, A and AAAA (a CNAME in either answer counts). A
 * wildcard makes {@code autodiscover.<domain>} and the like resolve to whatever it names, usually the
 * web host, which Outlook then asks. True: the label resolves; false: it does not (no such name, or
 * neither address type); null when a lookup failed and the other could not settle it: not checked.
 */
public final class WildcardCheck {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DnsProbe dns;
    private final Supplier<String> labels;

    public WildcardCheck(DnsProbe dns) {
        this(dns, WildcardCheck::randomLabel);
    }

    /** {@code labels}: the labels to look up under the domain (tests name theirs). */
    WildcardCheck(DnsProbe dns, Supplier<String> labels) {
        this.dns = dns;
        this.labels = labels;
    }

    /** A label no zone holds but by a wildcard: random, so that no cache or zone can have it by chance. */
    static String randomLabel() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "exdiag-" + HexFormat.of().formatHex(bytes);
    }

    public CompletableFuture<Boolean> check(String domain) {
        String name = labels.get() + "." + domain;
        // Most domains have no wildcard: the A lookup's NXDOMAIN settles it, and AAAA is not asked.
        return dns.aliased(name, Type.A).thenCompose(four -> four.status() == LookupStatus.NXDOMAIN && four.cname() == null
                ? CompletableFuture.completedFuture(false)
                : dns.aliased(name, Type.AAAA).thenApply(six -> verdict(four, six)));
    }

    /** What two answers for one name say of it. */
    static Boolean verdict(DnsProbe.Aliased four, DnsProbe.Aliased six) {
        if (resolves(four) || resolves(six)) {
            return true;
        }
        // NXDOMAIN holds for every type of the name: one such answer settles it.
        if (four.status() == LookupStatus.NXDOMAIN || six.status() == LookupStatus.NXDOMAIN) {
            return false;
        }
        if (four.status() == LookupStatus.NODATA && six.status() == LookupStatus.NODATA) {
            return false;
        }
        return null;
    }

    private static boolean resolves(DnsProbe.Aliased answer) {
        return answer.cname() != null || answer.status() == LookupStatus.OK && !answer.values().isEmpty();
    }
}

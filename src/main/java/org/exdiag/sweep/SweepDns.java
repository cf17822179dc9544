package org.exdiag.sweep;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.exdiag.probe.DnsProbe;
import org.exdiag.probe.Endpoint;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * The DNS of a whole sweep: one resolver for every domain, capped in queries per second, retrying on
 * timeout ({@link PoliteResolver}), and sharing the answers for names outside the domain being checked
 * ({@link SharedAnswers}). A domain's own names (its MX, SRV, TXT, {@code _dmarc}, selectors, the
 * wildcard's random label) are asked for each domain; every other name (the provider's SPF domains, the
 * include chains, a private server's host) once for the run.
 */
public final class SweepDns {
    /** Shared names kept at most: a few per distinct include chain, however many domains. */
    private static final int SHARED_NAMES = 50_000;

    private final PoliteResolver polite;
    private final SharedAnswers shared;
    private final Duration lookupBound;

    /**
     * @param server   the resolver to ask, or null for the system's
     * @param timeout  how long one query waits for its answer before it is asked again
     * @param attempts queries at most for one lookup (the first and its retries after timeouts)
     * @param lookupBound how long one lookup may take in all, waiting for its turn under the rate included
     * @param executor where queries wait for their moment under the rate
     */
    public SweepDns(Endpoint server, QueryRate rate, Duration timeout, int attempts, Duration lookupBound, Executor executor) {
        Resolver inner = resolver(server);
        inner.setTimeout(timeout);
        this.polite = new PoliteResolver(inner, rate, attempts, executor);
        this.shared = new SharedAnswers(polite, SHARED_NAMES);
        this.lookupBound = lookupBound; // a safety net only: each attempt times out on its own

    }

    private static Resolver resolver(Endpoint server) {
        try {
            if (server == null) {
                ExtendedResolver system = new ExtendedResolver();
                system.setRetries(1); // the sweep retries, once for every resolver
                return system;
            }
            SimpleResolver simple = new SimpleResolver(server.host());
            simple.setPort(server.port());
            return simple;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad DNS server " + server + ": " + e.getMessage(), e);
        }
    }

    /** The lookups of one domain's checks. */
    public DnsProbe probeFor(String domain) {
        try {
            return new DnsProbe(new DomainScoped(Name.fromString(domain, Name.root)), lookupBound);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + domain, e);
        }
    }

    /** Queries sent so far, retries included. */
    public long queries() {
        return polite.sent();
    }

    public long retries() {
        return polite.retried();
    }

    /** Lookups answered by another domain's query, never sent. */
    public long sharedAnswers() {
        return shared.shared();
    }

    /** Routes a domain's lookups: its own names straight out, every other name through the shared answers. */
    private final class DomainScoped implements Resolver {
        private final Name domain;

        DomainScoped(Name domain) {
            this.domain = domain;
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query) {
            Name name = query.getQuestion().getName();
            return name.subdomain(domain) ? polite.sendAsync(query) : shared.send(query);
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query, Executor executor) {
            return sendAsync(query);
        }

        @Override
        public Message send(Message query) throws IOException {
            try {
                return sendAsync(query).toCompletableFuture().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }

        @Override
        public void setPort(int port) {
            throw unsupported();
        }

        @Override
        public void setTCP(boolean flag) {
            throw unsupported();
        }

        @Override
        public void setIgnoreTruncation(boolean flag) {
            throw unsupported();
        }

        @Override
        public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
            throw unsupported();
        }

        @Override
        public void setTSIGKey(TSIG key) {
            throw unsupported();
        }

        @Override
        public void setTimeout(Duration timeout) {
            throw unsupported();
        }

        private UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("the sweep's resolver is set up once, for every domain");
        }
    }
}

package org.exdiag.probe;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.exdiag.facts.FactsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of probes: what they share (the settings, the mailbox and its password, DNS, one IMAP session,
 * a thread pool), each probe's result for the probes that wait on another, and the gathering of what they
 * saw into the facts within the overall time. A probe that throws is logged and listed as could-not-check
 * for reason "error", apart from one that ran out of time.
 */
public final class ProbeRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRun.class);

    private final DiagnosticSettings settings;
    private final String mailbox;
    private final String domain;
    private final Secret password;
    private final ProgressListener progress;
    private final ExecutorService pool;
    private final boolean ownPool;
    private final DnsProbe dns;
    private final DomainRecordsProbe records;
    private ImapProbe imap;
    private final Map<Probe<?>, CompletableFuture<?>> started = new IdentityHashMap<>();

    /**
     * @param mailbox  the mailbox diagnosed, or null when a domain is checked on its own
     * @param password its password, or null when no probe logs in
     */
    public ProbeRun(DiagnosticSettings settings, String mailbox, String domain, Secret password, ProgressListener progress) {
        this.settings = settings;
        this.mailbox = mailbox;
        this.domain = domain;
        this.password = password;
        this.progress = progress;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exdiag-probe");
            t.setDaemon(true);
            return t;
        });
        this.ownPool = true;
        this.dns = new DnsProbe(settings.dns(), settings.dnsTimeout());
        this.records = new DomainRecordsProbe(dns, pool);
    }

    /**
     * A run of a domain's DNS probes on what many runs share (a sweep): the caller's DNS and pool, which
     * outlive the run (closing it leaves the pool running). No mailbox, no password.
     */
    public ProbeRun(DiagnosticSettings settings, String domain, DnsProbe dns, ExecutorService pool) {
        this.settings = settings;
        this.mailbox = null;
        this.domain = domain;
        this.password = null;
        this.progress = ProgressListener.NONE;
        this.pool = pool;
        this.ownPool = false;
        this.dns = dns;
        this.records = new DomainRecordsProbe(dns, pool);
    }

    public DiagnosticSettings settings() {
        return settings;
    }

    public String mailbox() {
        return mailbox;
    }

    public String domain() {
        return domain;
    }

    public Secret password() {
        return password;
    }

    public ExecutorService pool() {
        return pool;
    }

    public DnsProbe dns() {
        return dns;
    }

    public DomainRecordsProbe records() {
        return records;
    }

    /** The run's one IMAP session: the login probe logs in, the inbound test looks for its messages. */
    public synchronized ImapProbe imap() {
        if (imap == null) {
            imap = new ImapProbe(settings.imap(), settings.imapTls(), settings.connectTimeout());
        }
        return imap;
    }

    /** What another probe of the run saw, once it has: it must come earlier in the run's list. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> resultOf(Probe<T> probe) {
        CompletableFuture<?> f = started.get(probe);
        if (f == null) {
            throw new IllegalStateException(probe.name() + " is not started before the probes that wait for it");
        }
        return (CompletableFuture<T>) f;
    }

    /** Starts every probe at once, then gathers what each saw into {@code facts}, all within {@code overall}. */
    public void gather(List<? extends Probe<?>> probes, FactsBuilder facts, Duration overall) {
        long deadline = System.nanoTime() + overall.toNanos();
        for (Probe<?> p : probes) {
            started.put(p, start(p));
        }
        for (Probe<?> p : probes) {
            fill(p, facts, deadline);
        }
    }

    private <T> CompletableFuture<T> start(Probe<T> probe) {
        long startNanos = System.nanoTime();
        CompletableFuture<T> future;
        try {
            future = probe.start(this);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.whenComplete((seen, error) -> progress.finished(probe.name(),
                error != null ? "failed: " + Failures.describe(error) : probe.outcome(seen),
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    @SuppressWarnings("unchecked")
    private <T> void fill(Probe<T> probe, FactsBuilder facts, long deadline) {
        CompletableFuture<T> future = (CompletableFuture<T>) started.get(probe);
        T seen;
        try {
            seen = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            seen = probe.notFinished(this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            seen = probe.notFinished(this);
        } catch (java.util.concurrent.ExecutionException | CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("probe {} failed", probe.name(), cause); // logged for whoever runs it, never in a report
            facts.couldNotCheck(probe.part(), "error");
            seen = probe.failed(this);
        }
        probe.fill(facts, seen, this);
    }

    @Override
    public synchronized void close() {
        if (imap != null) {
            imap.close();
        }
        if (ownPool) {
            pool.shutdownNow();
        }
    }
}

package org.exdiag.sweep;

import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.exdiag.Expertise;
import org.exdiag.batch.OrderedParallel;
import org.exdiag.knowledge.Language;

/**
 * Many domains through the DNS probes and the rules ({@code exdiag sweep}, {@code POST /api/v1/sweep}):
 * {@code concurrency} domains at once, each outcome handed on in input order as soon as it and those
 * before it are done. A bounded window of domains is in flight, so memory stays flat however long the
 * input; the DNS is the sweep's one resolver ({@link SweepDns}), under its rate.
 */
public final class Sweep implements AutoCloseable {
    private final SweepSettings settings;
    private final ExecutorService pool;
    private final SweepDns dns;
    private final DomainCheck check;

    public Sweep(Expertise expertise, Language language, SweepSettings settings) {
        this.settings = settings;
        // Unbounded but bounded in practice by the domains in flight: an SPF evaluation holds a thread while it
        // waits for each answer, and those answers are parsed here too, so a fixed pool could starve itself.
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exdiag-sweep-dns");
            t.setDaemon(true);
            return t;
        });
        this.dns = new SweepDns(settings.dns(), new QueryRate(settings.rate()), settings.timeout(), settings.attempts(),
                settings.lookupBound(), pool);
        this.check = new DomainCheck(expertise, language, dns, pool, settings.domainBound(), Clock.systemUTC());
    }

    /** Checks every item, handing each outcome to {@code sink} in input order (on the calling thread). */
    public void run(Iterator<SweepItem> items, Consumer<SweepOutcome> sink) throws InterruptedException {
        OrderedParallel.run(items, settings.concurrency(), 1, window(settings.concurrency()), check::check, sink);
    }

    /**
     * Domains started and not yet written, at most: a domain whose lookups time out holds up the output for
     * the seconds its retries take, while the others go on past it (at 300 domains a second, 9 s of
     * retries are 2,700 domains). Its outcomes are JSON lines of a few KB: 4,096 of them are some 20 MB.
     */
    static int window(int concurrency) {
        return Math.max(concurrency * 8, Math.min(concurrency * 64, 16_384));
    }

    public SweepDns dns() {
        return dns;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

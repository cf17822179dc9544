package org.exdiag.sweep;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.exdiag.probe.DnsProbe;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TSIG;

/**
 * A resolver that asks politely and patiently: every query, first or retried, waits for its moment under
 * the sweep's cap ({@link QueryRate}), and one that times out is asked again, up to {@code attempts} times
 * in all. Each attempt's own timeout is the wrapped resolver's and starts when the query leaves, not
 * while it waits for its moment, which it waits for on {@code executor}.
 */
final class PoliteResolver implements Resolver {
    private final Resolver inner;
    private final QueryRate rate;
    private final int attempts;
    private final Executor executor;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    PoliteResolver(Resolver inner, QueryRate rate, int attempts, Executor executor) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.inner = inner;
        this.rate = rate;
        this.attempts = attempts;
        this.executor = executor;
    }

    /** Queries sent, retries included. */
    long sent() {
        return sent.get();
    }

    /** Queries sent again after a timeout. */
    long retried() {
        return retried.get();
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
        return sendAsync(query, executor);
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor ignored) {
        return attempt(query, 1);
    }

    private CompletableFuture<Message> attempt(Message query, int number) {
        long wait = rate.reserve();
        CompletableFuture<Message> answer = wait == 0 ? sendNow(query)
                : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, executor))
                        .thenCompose(ignored -> sendNow(query));
        return answer.exceptionallyCompose(error -> {
            if (number < attempts && DnsProbe.isTimeout(error)) {
                retried.incrementAndGet();
                return attempt(query, number + 1);
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    private CompletableFuture<Message> sendNow(Message query) {
        sent.incrementAndGet();
        // Parsed on the I/O thread that received it: handing each answer to another thread cost more than the
        // parsing. What runs after it (the probes' steps) never blocks; what waits (SPF) runs on the pool.
        return inner.sendAsync(query, Runnable::run).toCompletableFuture();
    }

    @Override
    public void setPort(int port) {
        inner.setPort(port);
    }

    @Override
    public void setTCP(boolean flag) {
        inner.setTCP(flag);
    }

    @Override
    public void setIgnoreTruncation(boolean flag) {
        inner.setIgnoreTruncation(flag);
    }

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
        inner.setEDNS(version, payloadSize, flags, options);
    }

    @Override
    public void setTSIGKey(TSIG key) {
        inner.setTSIGKey(key);
    }

    /** Each attempt's timeout. */
    @Override
    public void setTimeout(Duration timeout) {
        inner.setTimeout(timeout);
    }

    @Override
    public Duration getTimeout() {
        return inner.getTimeout();
    }
}

package org.exdiag.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.exdiag.sweep.Sweep;
import org.exdiag.sweep.SweepItem;
import org.exdiag.sweep.SweepOutcome;

/**
 * A sweep's outcomes as an iterator, for Spark's output, which pulls records one at a time. A {@link Sweep}
 * pushes its outcomes, in input order, to a sink on the thread that runs it: here a thread of its own,
 * handing them over through a small queue. The queue is bounded, so a sweep never runs further ahead of the
 * writing than the queue and its own window: memory stays flat however many domains a task holds. The
 * sweep is made, run and closed on that thread; {@link #close()} (the task's end, killed or not) stops it.
 */
final class SweepStream implements Iterator<SweepOutcome>, AutoCloseable {
    /** The DNS figures of a finished sweep. */
    record Dns(long queries, long retries, long sharedAnswers) {
    }

    private static final int QUEUED = 1024;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile Dns dns;
    private Object next;
    private boolean ended;

    /** Starts a sweep ({@code sweeps} makes it, on the sweep's thread) of {@code items}, closing it at the end. */
    SweepStream(Supplier<Sweep> sweeps, Iterator<SweepItem> items, AutoCloseable itemsCloser) {
        // The new thread keeps this one's context class loader: in an executor, the loader of the job's jar.
        this.thread = new Thread(() -> run(sweeps, items, itemsCloser), "exdiag-spark-sweep");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Supplier<Sweep> sweeps, Iterator<SweepItem> items, AutoCloseable itemsCloser) {
        try (AutoCloseable c = itemsCloser; Sweep sweep = sweeps.get()) {
            sweep.run(items, this::put);
            dns = new Dns(sweep.dns().queries(), sweep.dns().retries(), sweep.dns().sharedAnswers());
        } catch (Throwable t) {
            failure = t;
        }
        try {
            while (!closed && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                // the task is still writing what came before: wait for room
            }
        } catch (InterruptedException e) {
            // closed: nobody reads the end
        }
    }

    private void put(SweepOutcome outcome) {
        try {
            queue.put(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the task ended before its sweep");
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancellationException("the task was stopped");
            }
            if (next == END) {
                next = null;
                ended = true;
                if (failure != null) {
                    throw new IllegalStateException("the sweep failed: " + failure, failure);
                }
            }
        }
        return next != null;
    }

    @Override
    public SweepOutcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SweepOutcome outcome = (SweepOutcome) next;
        next = null;
        return outcome;
    }

    /** The DNS figures, once {@link #hasNext()} has said false. */
    Dns dns() {
        return dns;
    }

    /** Stops the sweep if it still runs: its thread ends, and closes it and the input. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}

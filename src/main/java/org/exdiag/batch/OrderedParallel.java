package org.exdiag.batch;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs {@code work} on every item on {@code jobs} threads and hands the results to {@code sink} in
 * input order, as soon as each is ready. At most a small window of items is in flight, so memory
 * stays flat on a million items and output starts at once.
 */
public final class OrderedParallel {
    private OrderedParallel() {
    }

    public static <T, R> void run(Iterator<T> items, int jobs, Function<T, R> work, Consumer<R> sink)
            throws InterruptedException {
        int window = Math.max(4, jobs * 8);
        BlockingQueue<Future<R>> inFlight = new ArrayBlockingQueue<>(window);
        Future<R> end = CompletableFuture.completedFuture(null);
        ExecutorService workers = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "exdiag-worker");
            t.setDaemon(true);
            return t;
        });
        Thread producer = new Thread(() -> {
            try {
                while (items.hasNext()) {
                    T item = items.next();
                    inFlight.put(workers.submit(() -> work.apply(item)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                inFlight.offer(CompletableFuture.failedFuture(e));
            } finally {
                try {
                    inFlight.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "exdiag-reader");
        producer.setDaemon(true);
        producer.start();
        try {
            while (true) {
                Future<R> next = inFlight.take();
                if (next == end) {
                    break;
                }
                sink.accept(next.get());
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            producer.interrupt();
            workers.shutdownNow();
        }
    }
}

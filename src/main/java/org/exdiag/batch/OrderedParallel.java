package org.exdiag.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

    /** One item per task: for sources that may wait between items (a request body arriving line by line). */
    public static <T, R> void run(Iterator<T> items, int jobs, Function<T, R> work, Consumer<R> sink)
            throws InterruptedException {
        run(items, jobs, 1, work, sink);
    }

    /**
     * Items go to the threads {@code perTask} at a time: handing each item over on its own woke two
     * threads per item, 8 % of a million-line batch's CPU in futex calls. Take {@code perTask} items from
     * sources that never wait long between two (files), since a task starts only once it is full.
     */
    public static <T, R> void run(Iterator<T> items, int jobs, int perTask, Function<T, R> work, Consumer<R> sink)
            throws InterruptedException {
        run(items, jobs, perTask, Math.max(4, jobs * 8 / perTask + 2), work, sink);
    }

    /**
     * As above, with at most {@code window} tasks started and not yet handed to {@code sink}: a larger window
     * keeps the threads busy past an item that takes much longer than the others (a sweep's domain whose
     * lookups time out), at the cost of holding the results of that many tasks.
     */
    public static <T, R> void run(Iterator<T> items, int jobs, int perTask, int window, Function<T, R> work, Consumer<R> sink)
            throws InterruptedException {
        BlockingQueue<Future<List<R>>> inFlight = new ArrayBlockingQueue<>(window);
        Future<List<R>> end = CompletableFuture.completedFuture(null);
        ExecutorService workers = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "exdiag-worker");
            t.setDaemon(true);
            return t;
        });
        Thread producer = new Thread(() -> {
            try {
                while (items.hasNext()) {
                    List<T> task = new ArrayList<>(perTask);
                    while (task.size() < perTask && items.hasNext()) {
                        task.add(items.next());
                    }
                    inFlight.put(workers.submit(() -> {
                        List<R> results = new ArrayList<>(task.size());
                        for (T item : task) {
                            results.add(work.apply(item));
                        }
                        return results;
                    }));
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
                Future<List<R>> next = inFlight.take();
                if (next == end) {
                    break;
                }
                next.get().forEach(sink);
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

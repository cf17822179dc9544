package org.exdiag.spark;

import java.io.Serializable;
import org.apache.spark.util.AccumulatorV2;

/**
 * A Spark accumulator of counts that add up (a job's {@code _SUMMARY.json}): each task counts what it
 * wrote, Spark merges the tasks' counts on the driver. The counts say how to count one item and how to add
 * other counts; this class is the accumulator's plumbing, the same for every job.
 *
 * @param <T> what is counted (one record's outcome)
 * @param <C> the counts
 */
abstract class TallyAccumulator<T, C extends TallyAccumulator.Tally<T, C>> extends AccumulatorV2<T, C> {
    /** Counts that can count one item, add other counts, and say whether they are still empty. */
    interface Tally<T, C> extends Serializable {
        /** One more item. */
        void count(T item);

        /** Another task's counts. */
        void addAll(C other);

        boolean isZero();
    }

    private C counts = fresh();

    /** Empty counts (called while this class is built: it must not read the subclass's fields). */
    protected abstract C fresh();

    /** An empty accumulator of the same kind. */
    protected abstract TallyAccumulator<T, C> empty();

    @Override
    public boolean isZero() {
        return counts.isZero();
    }

    @Override
    public AccumulatorV2<T, C> copy() {
        TallyAccumulator<T, C> copy = empty();
        copy.counts.addAll(counts);
        return copy;
    }

    @Override
    public void reset() {
        counts = fresh();
    }

    @Override
    public void add(T item) {
        counts.count(item);
    }

    @Override
    public void merge(AccumulatorV2<T, C> other) {
        counts.addAll(other.value());
    }

    @Override
    public C value() {
        return counts;
    }
}

package org.exdiag.spark;

import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.exdiag.batch.Nested;

/**
 * The items of a task's work units, in order: each unit opened in turn ({@link #open}), which gives an item
 * of its own (a whole document, an error) or reads on from the unit's lines. What the analysis and the
 * sweep read their partitions with.
 */
abstract class WorkUnitItems<T> extends Nested<T> {
    private final Iterator<WorkUnit> units;
    /** Where the units' files are read from. */
    protected final Configuration conf;

    WorkUnitItems(Iterator<WorkUnit> units, Configuration conf) {
        this.units = units;
        this.conf = conf;
    }

    /** The unit's one item, or null after {@code readFrom} its lines. */
    protected abstract T open(WorkUnit unit);

    @Override
    protected final T nextInput() {
        return units.hasNext() ? open(units.next()) : null;
    }
}

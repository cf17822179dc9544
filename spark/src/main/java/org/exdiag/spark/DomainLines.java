package org.exdiag.spark;

import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.exdiag.batch.JsonLinesReader;
import org.exdiag.sweep.DoneDomains;
import org.exdiag.sweep.SweepInput;
import org.exdiag.sweep.SweepItem;
import org.exdiag.sweep.SweepLines;

/**
 * The lines of a task's ranges of domains files, in order, read as {@code exdiag sweep} reads its input
 * ({@link SweepLines}): one bounded line at a time, blank lines and {@code #} comments skipped, each line
 * named {@code FILE:LINE} with the file's own line number however the file was cut, a line that is no
 * domain an item that says why. Not thread-safe: the task's sweep pulls from it on one thread.
 */
final class DomainLines extends WorkUnitItems<SweepItem> {
    private final SweepInput input;

    DomainLines(Iterator<WorkUnit> units, Configuration conf, SweepInput input) {
        super(units, conf);
        this.input = input;
    }

    @Override
    protected SweepItem open(WorkUnit unit) {
        try {
            JsonLinesReader lines = new JsonLinesReader(unit.shown(), LineRanges.open(conf, unit), SweepLines.MAX_LINE_BYTES,
                    unit.linesBefore());
            // without --resume: an output folder is written whole
            SweepLines items = new SweepLines(lines, input, DoneDomains.NONE);
            readFrom(items, items);
            return null;
        } catch (IOException e) {
            return new SweepItem(unit.shown() + ":" + (unit.linesBefore() + 1), null, "cannot read: " + e.getMessage());
        }
    }
}

package org.exdiag.sweep;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.exdiag.batch.Document;
import org.exdiag.batch.JsonLinesReader;
import org.exdiag.batch.Lookahead;

/**
 * The lines of a sweep's input, one bounded line at a time (a million domains are never held at once):
 * blank lines and comments ({@code #}) skipped, and the domains a resumed sweep already wrote. Each item
 * is named {@code NAME:LINE}. Not thread-safe.
 */
public final class SweepLines extends Lookahead<SweepItem> implements AutoCloseable {
    /** Longer lines are refused, not buffered: a JSON line with its selectors is well under this. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    private final JsonLinesReader lines;
    private final SweepInput input;
    private final DoneDomains done;
    private long skipped;

    /** @param done domains not to check again ({@link DoneDomains#NONE}: check all) */
    public SweepLines(String name, InputStream in, SweepInput input, DoneDomains done) {
        this(new JsonLinesReader(name, in, MAX_LINE_BYTES), input, done);
    }

    /** Over lines already being read (a Spark task's range of a file, numbered as the file is). */
    public SweepLines(JsonLinesReader lines, SweepInput input, DoneDomains done) {
        this.lines = lines;
        this.input = input;
        this.done = done;
    }

    /** Domains left out because a resumed sweep already wrote them. */
    public long skipped() {
        return skipped;
    }

    @Override
    protected SweepItem advance() {
        while (lines.hasNext()) {
            Document line = lines.next();
            if (line.unreadable() != null) {
                return SweepItem.bad(line.source(), line.unreadable().getMessage());
            }
            String text = new String(line.bytes(), StandardCharsets.UTF_8);
            if (SweepInput.isComment(text)) {
                continue;
            }
            SweepItem item = input.read(line.source(), text);
            if (item.target() != null && done.contains(item.target().domain())) {
                skipped++;
                continue;
            }
            return item;
        }
        return null;
    }

    @Override
    public void close() {
        lines.close();
    }
}

package org.exdiag.spark;

import java.io.Serializable;

/**
 * A piece of the input one task analyzes: a whole facts file, a range of a JSON lines file (the lines
 * that start in {@code [start, end)}, the first of them being line {@code linesBefore + 1} of the file),
 * or an input that cannot be read at all (named and explained, as {@code exdiag analyze} would).
 */
record WorkUnit(Kind kind, String path, String shown, long start, long end, long linesBefore, String problem)
        implements Serializable {

    enum Kind { WHOLE_FILE, LINES, UNREADABLE }

    static WorkUnit wholeFile(String path, String shown) {
        return new WorkUnit(Kind.WHOLE_FILE, path, shown, 0, 0, 0, null);
    }

    static WorkUnit lines(String path, String shown, long start, long end) {
        return new WorkUnit(Kind.LINES, path, shown, start, end, 0, null);
    }

    static WorkUnit unreadable(String shown, String problem) {
        return new WorkUnit(Kind.UNREADABLE, null, shown, 0, 0, 0, problem);
    }

    WorkUnit afterLines(long count) {
        return new WorkUnit(kind, path, shown, start, end, count, problem);
    }
}

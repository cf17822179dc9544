package org.exdiag.batch;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that reads one item ahead: subclasses say how to read the next item ({@link #advance()},
 * null at the end), and this says whether there is one and hands it out. Not thread-safe.
 */
public abstract class Lookahead<T> implements Iterator<T> {
    private T next;

    /** The next item, or null when there is none. */
    protected abstract T advance();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
    }
}

package org.exdiag.batch;

import java.util.Iterator;

/**
 * A sequence read from a list of inputs, some of which hold a sequence of their own (a JSON lines file,
 * an mbox): the subclass reads the next input, giving an item, or opening a nested reader with
 * {@link #readFrom}; this reads the nested one to its end, closes it, and goes on. Not thread-safe.
 */
public abstract class Nested<T> extends Lookahead<T> implements AutoCloseable {
    private Iterator<T> nested;
    private AutoCloseable closing;
    private boolean opened;

    /** The next input's item; or null, having called {@link #readFrom}; or null at the end of the inputs. */
    protected abstract T nextInput();

    /** Reads {@code items} before the next input, closing {@code closer} once they are read. */
    protected final void readFrom(Iterator<T> items, AutoCloseable closer) {
        nested = items;
        closing = closer;
        opened = true;
    }

    @Override
    protected final T advance() {
        while (true) {
            if (nested != null) {
                if (nested.hasNext()) {
                    return nested.next();
                }
                closeNested();
            }
            opened = false;
            T item = nextInput();
            if (item != null || !opened) {
                return item;
            }
        }
    }

    private void closeNested() {
        try {
            if (closing != null) {
                closing.close();
            }
        } catch (Exception e) {
            // read to its end: nothing is lost by a failing close
        }
        nested = null;
        closing = null;
    }

    @Override
    public void close() {
        closeNested();
    }
}

package org.exdiag.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Lets a command see whether its inputs hold more than one item before handling the first. */
final class Peeking<T> implements Iterator<T> {
    private final Iterator<T> source;
    private final List<T> buffer = new ArrayList<>(2);

    Peeking(Iterator<T> source) {
        this.source = source;
    }

    boolean isSingle() {
        while (buffer.size() < 2 && source.hasNext()) {
            buffer.add(source.next());
        }
        return buffer.size() == 1;
    }

    @Override
    public boolean hasNext() {
        return !buffer.isEmpty() || source.hasNext();
    }

    @Override
    public T next() {
        return buffer.isEmpty() ? source.next() : buffer.remove(0);
    }
}

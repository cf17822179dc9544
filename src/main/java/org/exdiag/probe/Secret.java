package org.exdiag.probe;

import java.util.Arrays;

/**
 * A password held as characters, cleared when closed. {@link #toString()} never shows it, so it
 * cannot leak into a log line, an exception message or a report by accident. Jakarta Mail only takes
 * a String: {@link #reveal()} makes one at the moment of the call, and nothing keeps it.
 */
public final class Secret implements AutoCloseable {
    private final char[] chars;

    public Secret(char[] chars) {
        this.chars = chars.clone();
        Arrays.fill(chars, '\0');
    }

    public String reveal() {
        return new String(chars);
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    /** Every place this secret could show up: what tests search for. */
    @Override
    public String toString() {
        return "Secret[hidden]";
    }

    @Override
    public void close() {
        Arrays.fill(chars, '\0');
    }
}

package org.exdiag.bounce;

/** A bounce that cannot be read at all: the message says why, in one line. */
public class NdrException extends Exception {
    public NdrException(String message) {
        super(message, null, false, false);
    }
}

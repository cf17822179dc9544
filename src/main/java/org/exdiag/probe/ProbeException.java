package org.exdiag.probe;

/** A probe that cannot even start because of how it was set up (a missing file, a bad option). */
public class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message, null, false, false);
    }
}

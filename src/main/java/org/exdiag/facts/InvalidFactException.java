package org.exdiag.facts;

/**
 * A value that parses but makes no sense (a port of 70000, a mailbox without '@').
 * Thrown by the fact records themselves so that a record can never hold such a value;
 * the reader turns it into a {@link FactsException} naming the full field path.
 */
public class InvalidFactException extends IllegalArgumentException {
    private final String field;

    public InvalidFactException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending field inside its own record, e.g. {@code port}. */
    public String field() {
        return field;
    }
}

package org.exdiag.facts;

/**
 * A facts document that cannot be used: the message says what is wrong in one line, {@code field}
 * names where (e.g. {@code dns.mx.records[0].host}), or is null when the problem is the document
 * as a whole (empty, too large, not JSON).
 */
public class FactsException extends Exception {
    private final String field;

    public FactsException(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

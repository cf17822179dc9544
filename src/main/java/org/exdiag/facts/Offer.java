package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Exchange offer the mailbox belongs to. */
public enum Offer implements WireEnum {
    HOSTED("hosted"),
    PRIVATE("private");

    private final String wire;

    Offer(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

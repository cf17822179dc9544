package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The account state held by the provider. */
public enum AccountState implements WireEnum {
    ACTIVE("active"),
    SUSPENDED("suspended"),
    EXPIRED("expired"),
    UNKNOWN("unknown");

    private final String wire;

    AccountState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

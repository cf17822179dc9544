package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a login attempt with the diagnostic's password ended. */
public enum AuthResult implements WireEnum {
    OK("ok"),
    REJECTED("rejected"),
    LOCKED("locked"),
    ERROR("error"),
    SKIPPED("skipped");

    private final String wire;

    AuthResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How logging in to EWS ended (facts v3 {@code client.ews.login}). */
public enum EwsLogin implements WireEnum {
    OK("ok"),
    REJECTED("rejected"),
    ERROR("error");

    private final String wire;

    EwsLogin(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

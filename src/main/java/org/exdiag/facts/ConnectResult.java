package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How connecting to the submission server ended. */
public enum ConnectResult implements WireEnum {
    OK("ok"),
    REFUSED("refused"),
    TIMEOUT("timeout"),
    TLS_ERROR("tls-error"),
    ERROR("error");

    private final String wire;

    ConnectResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

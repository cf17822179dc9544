package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How connecting to a mail server ended. */
public enum ConnectResult implements WireEnum {
    OK("ok"),
    REFUSED("refused"),
    TIMEOUT("timeout"),
    TLS_ERROR("tls-error"),
    ERROR("error"),
    /** The host name had no address (delivery attempts of facts v2). */
    UNRESOLVED("unresolved");

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

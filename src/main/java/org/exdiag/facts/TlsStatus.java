package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a server's certificate checked out (facts v3 {@code client}): ok, expired, not yet valid, for other names, from an issuer not trusted, with an incomplete chain, or no handshake. */
public enum TlsStatus implements WireEnum {
    OK("ok"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    NAME_MISMATCH("name-mismatch"),
    UNTRUSTED("untrusted"),
    INCOMPLETE_CHAIN("incomplete-chain"),
    HANDSHAKE_FAILED("handshake-failed");

    private final String wire;

    TlsStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

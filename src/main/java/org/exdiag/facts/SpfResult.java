package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The results of an SPF check (RFC 7208 section 2.6). */
public enum SpfResult implements WireEnum {
    PASS("pass"),
    FAIL("fail"),
    SOFTFAIL("softfail"),
    NEUTRAL("neutral"),
    NONE("none"),
    PERMERROR("permerror"),
    TEMPERROR("temperror");

    private final String wire;

    SpfResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a DNS lookup ended. Only ok, nxdomain and nodata say anything about the record itself. */
public enum LookupStatus implements WireEnum {
    OK("ok"),
    NXDOMAIN("nxdomain"),
    NODATA("nodata"),
    SERVFAIL("servfail"),
    TIMEOUT("timeout"),
    ERROR("error");

    private final String wire;

    LookupStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

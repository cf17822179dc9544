package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a delivery ended, as the bounce tells it (facts v3). */
public enum BounceKind implements WireEnum {
    /** A server said no: the reply is its reason. */
    REFUSED("refused"),
    /** The sending side kept retrying and gave up: the receiver never answered. */
    EXPIRED("expired"),
    /** The sending side could not find or reach the receiver (no such domain, no MX, no route). */
    UNDELIVERABLE("undeliverable");

    private final String wire;

    BounceKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

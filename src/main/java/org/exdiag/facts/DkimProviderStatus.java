package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The provider's state of a DKIM selector (OVH's API spells them so). */
public enum DkimProviderStatus implements WireEnum {
    TODO("todo"),
    WAITING_RECORD("waitingRecord"),
    READY("ready"),
    IN_PRODUCTION("inProduction"),
    DISABLING("disabling"),
    DELETING("deleting");

    private final String wire;

    DkimProviderStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

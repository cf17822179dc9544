package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a DNS block list's answer means for an address (facts v3). */
public enum BlockListStatus implements WireEnum {
    /** The list names the address (an answer in 127.0.0.0/8 that is not a refusal). */
    LISTED("listed"),
    /** The list does not name it (NXDOMAIN). */
    CLEAR("clear"),
    /**
     * The list refused or failed the query (Spamhaus's 127.255.255.x for public resolvers, a timeout,
     * SERVFAIL, an answer outside 127.0.0.0/8): could not check, never a listing.
     */
    ERROR("error");

    private final String wire;

    BlockListStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where Outlook looks for its settings, in its order (facts v3 {@code client.autodiscover}). */
public enum AutodiscoverMethod implements WireEnum {
    ROOT_DOMAIN("root-domain"),
    AUTODISCOVER_HOST("autodiscover-host"),
    HTTP_REDIRECT("http-redirect"),
    SRV("srv");

    private final String wire;

    AutodiscoverMethod(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

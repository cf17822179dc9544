package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonValue;

/** How mail is meant to flow: Exchange alone, or with POP/IMAP hosted by the provider or elsewhere. */
public enum MailSetup implements WireEnum {
    EXCHANGE_ONLY("exchange-only"),
    WITH_PROVIDER_POP_IMAP("with-provider-pop-imap"),
    WITH_EXTERNAL_POP_IMAP("with-external-pop-imap");

    private final String wire;

    MailSetup(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

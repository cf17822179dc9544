package org.exdiag.facts;

/** How the mailbox is meant to be set up; each part may be unknown (null). */
public record Expectation(Offer offer, MailSetup mailSetup, String privateHost) {
    public Expectation {
        Checks.hostName("privateHost", privateHost);
    }
}

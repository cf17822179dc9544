package org.exdiag.bounce;

import java.util.List;
import org.exdiag.facts.BounceFacts;

/**
 * What one message turned out to be: a bounce with its refused recipients (one {@link BounceFacts}
 * each) and, when the message says it, the customer's own address; or not a bounce at all (an
 * auto-reply, a notice that mail was delivered or is only delayed), with why.
 *
 * @param bounces   the refused recipients, at least one when {@code notBounce} is null
 * @param mailbox   the customer's address as the message gives it (never guessed), or null
 * @param notBounce why the message is no bounce, or null when it is one
 */
public record NdrReading(List<BounceFacts> bounces, String mailbox, String notBounce) {
    public NdrReading {
        bounces = List.copyOf(bounces);
    }

    static NdrReading bounce(List<BounceFacts> bounces, String mailbox) {
        return new NdrReading(bounces, mailbox, null);
    }

    static NdrReading notABounce(String why) {
        return new NdrReading(List.of(), null, why);
    }

    public boolean isBounce() {
        return notBounce == null;
    }
}

package org.exdiag.bounce;

import java.time.Instant;
import java.util.List;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.FactsDocument;

/** Bounces added to a diagnostic: to saved or live facts, or to facts of their own when there are none. */
public final class Bounces {
    private Bounces() {
    }

    /**
     * The facts the bounces are analyzed with: {@code saved} with them added (an older document becomes
     * the current version), or a document holding only them for {@code mailbox} (null when unknown),
     * collected {@code now}.
     */
    public static FactsDocument attach(FactsDocument saved, String mailbox, List<BounceFacts> bounces, Instant now) {
        if (saved != null) {
            return saved.withBounces(bounces);
        }
        return FactsDocument.ofBounces(mailbox, now, bounces);
    }
}

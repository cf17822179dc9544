package org.exdiag.bounce;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.exdiag.Expertise;
import org.exdiag.engine.AnalysisException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and analyzes one message of a batch of bounces (or the one message of {@code exdiag bounce}):
 * every failure becomes an error outcome, never an exception, so that one broken message in a mailbox
 * costs one record. Thread-safe.
 */
public final class BounceAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(BounceAnalysis.class);

    private final Expertise expertise;
    private final Language language;
    private final String mailbox;
    private final FactsDocument saved;
    private final UnaryOperator<FactsDocument> lookups;

    /**
     * @param mailbox the customer's address when the user gave it (else the message's, else none)
     * @param saved   a saved diagnostic the bounces are added to, or null
     * @param lookups adds what DNS says of the domain's records to the facts (identity for none)
     */
    public BounceAnalysis(Expertise expertise, Language language, String mailbox, FactsDocument saved,
                          UnaryOperator<FactsDocument> lookups) {
        this.expertise = expertise;
        this.language = language;
        this.mailbox = mailbox;
        this.saved = saved;
        this.lookups = lookups;
    }

    public BounceOutcome analyze(MessageSource.Message message) {
        if (message.unreadable() != null) {
            return BounceOutcome.error(message.source(), message.unreadable());
        }
        NdrReading reading;
        try {
            reading = NdrReader.read(message.bytes());
        } catch (NdrException e) {
            return BounceOutcome.error(message.source(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("reading {} failed", message.source(), e);
            return BounceOutcome.error(message.source(), "could not be read as a message (" + e.getClass().getSimpleName() + ")");
        }
        if (!reading.isBounce()) {
            return BounceOutcome.skipped(message.source(), reading.notBounce());
        }
        String who = mailbox != null ? mailbox : saved != null ? saved.mailbox() : reading.mailbox();
        FactsDocument facts;
        try {
            facts = Bounces.attach(saved, who, reading.bounces(), Instant.now());
        } catch (IllegalArgumentException e) {
            // The address the message gives is not one facts take (a local name, a broken domain): no mailbox.
            facts = Bounces.attach(saved, null, reading.bounces(), Instant.now());
        }
        facts = lookups.apply(facts);
        try {
            return BounceOutcome.report(message.source(), facts, expertise.report(facts, language));
        } catch (AnalysisException e) {
            LOG.warn("rules failed on {}", message.source(), e);
            return BounceOutcome.error(message.source(), "rules failed on this message: " + e.getMessage());
        }
    }
}

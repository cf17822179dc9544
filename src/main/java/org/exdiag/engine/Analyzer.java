package org.exdiag.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exdiag.facts.FactsDocument;
import org.exdiag.rules.Finding;
import org.exdiag.rules.Link;
import org.exdiag.rules.Note;
import org.exdiag.rules.ReplyClass;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Runs the rules on one facts document. The rule base is compiled once; each analysis takes a session
 * of its own from a pool (a session serves one thread at a time; disposing returns it, reset).
 */
public final class Analyzer {
    /** More firings than any sane rule set needs for one mailbox: beyond this, a rule loops. */
    static final int MAX_FIRINGS = 10_000;

    // The order of what a session holds is the engine's: sorted, so that a report never depends on it.
    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::code)
            .thenComparing(Finding::rule).thenComparing(Finding::tag).thenComparing(f -> f.args().toString());
    private static final Comparator<Link> LINK_ORDER = Comparator.comparing(Link::cause).thenComparing(Link::effect);
    private static final Comparator<Note> NOTE_ORDER = Comparator.comparing(Note::code).thenComparing(Note::tag)
            .thenComparing(n -> n.args().toString());
    private static final Comparator<ReplyClass> REPLY_ORDER = Comparator.comparingInt(c -> c.reply().index());

    private final RuleSet rules;
    private final Clock wallClock;
    /** Sessions are reset and reused rather than built per document (Drools' own pool, thread-safe). */
    private final KieSessionsPool sessions;

    public Analyzer(RuleSet rules) {
        this(rules, Clock.systemUTC());
    }

    /** {@code wallClock} is used only for documents that have no collectedAt. */
    public Analyzer(RuleSet rules, Clock wallClock) {
        this.rules = rules;
        this.wallClock = wallClock;
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    public RuleSet rules() {
        return rules;
    }

    /** The facts an analysis of {@code doc} inserts: the document's, classified replies and the data files'. */
    public List<Object> sessionFacts(FactsDocument doc) {
        Instant clock = doc.collectedAt() != null ? doc.collectedAt() : wallClock.instant();
        return SessionFacts.of(doc, rules, clock);
    }

    public Inference analyze(FactsDocument doc) {
        return analyze(doc, null);
    }

    /** As {@link #analyze(FactsDocument)}, reporting every rule firing to {@code listener} (for coverage). */
    public Inference analyze(FactsDocument doc, AgendaEventListener listener) {
        Instant clock = doc.collectedAt() != null ? doc.collectedAt() : wallClock.instant();
        List<Object> facts = SessionFacts.of(doc, rules, clock);
        // A listener stays on a session: listened analyses (scenario coverage) get a fresh one.
        KieSession session = listener == null ? sessions.newKieSession() : rules.kieBase().newKieSession();
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new AnalysisException("the rules did not settle after " + MAX_FIRINGS
                        + " firings: a rule probably re-triggers itself", null);
            }
            List<Finding> findings = new ArrayList<>();
            List<Link> links = new ArrayList<>();
            List<Note> notes = new ArrayList<>();
            List<ReplyClass> replyClasses = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else if (o instanceof Link l) {
                    links.add(l);
                } else if (o instanceof Note n) {
                    notes.add(n);
                } else if (o instanceof ReplyClass c) {
                    replyClasses.add(c);
                }
            }
            findings.sort(FINDING_ORDER);
            links.sort(LINK_ORDER);
            notes.sort(NOTE_ORDER);
            replyClasses.sort(REPLY_ORDER);
            return new Inference(List.copyOf(findings), List.copyOf(links), List.copyOf(notes), List.copyOf(replyClasses),
                    clock);
        } catch (AnalysisException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AnalysisException("a rule failed: " + e.getMessage(), e);
        } finally {
            session.dispose();
        }
    }
}

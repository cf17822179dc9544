package org.exdiag.batch;

import org.exdiag.engine.AnalysisException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and analyzes one document of a batch; every failure becomes an error outcome, never an exception. */
public final class BatchAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAnalysis.class);

    private final FactsReader reader;
    private final Expertise expertise;
    private final Language language;

    public BatchAnalysis(FactsReader reader, Expertise expertise, Language language) {
        this.reader = reader;
        this.expertise = expertise;
        this.language = language;
    }

    public Outcome analyze(Document doc) {
        if (doc.unreadable() != null) {
            return new Outcome(doc.source(), null, null, doc.unreadable().getMessage(), doc.unreadable().field());
        }
        FactsDocument facts;
        try {
            facts = reader.read(doc.bytes(), doc.format());
        } catch (FactsException e) {
            return new Outcome(doc.source(), null, null, e.getMessage(), e.field());
        }
        try {
            Report report = expertise.report(facts, language);
            return new Outcome(doc.source(), facts, report, null, null);
        } catch (AnalysisException e) {
            // A rules problem, not an input one: say so, keep the batch going, and keep the trace in the log.
            LOG.warn("rules failed on {}", doc.source(), e);
            return new Outcome(doc.source(), facts, null, "rules failed on this document: " + e.getMessage(), null);
        }
    }
}

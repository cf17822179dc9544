package org.exdiag.batch;

import org.exdiag.facts.FactsDocument;
import org.exdiag.report.Report;

/** What came of one document: a report (with the facts it was made from), or an error naming the field. */
public record Outcome(String source, FactsDocument facts, Report report, String errorMessage, String errorField) {
    public boolean failed() {
        return report == null;
    }
}

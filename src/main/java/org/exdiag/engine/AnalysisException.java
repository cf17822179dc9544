package org.exdiag.engine;

/** The rules could not finish on a document (a rule that loops or throws): a rules problem, not an input one. */
public class AnalysisException extends RuntimeException {
    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.exdiag.facts;

/**
 * Bounds on what the reader accepts, so that a hostile or broken document costs little:
 * a real facts document is a few kilobytes, a few levels deep, with no YAML aliases.
 *
 * @param maxAliases YAML aliases allowed in a document: none (a facts document never needs one)
 */
public record FactsLimits(int maxDocumentBytes, int maxNestingDepth, int maxStringLength, int maxAliases) {
    public static final FactsLimits DEFAULT = new FactsLimits(1 << 20, 16, 64 * 1024, 0);

    public FactsLimits(int maxDocumentBytes, int maxNestingDepth, int maxStringLength) {
        this(maxDocumentBytes, maxNestingDepth, maxStringLength, 0);
    }
}

package org.exdiag.batch;

import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;

/**
 * One input document of a batch: its name ({@code dir/a.yaml}, {@code big.jsonl:17}) and either its
 * bytes or the reason they could not be read (missing file, too large, unsupported type).
 */
public record Document(String source, byte[] bytes, FactsFormat format, FactsException unreadable) {
    public static Document of(String source, byte[] bytes, FactsFormat format) {
        return new Document(source, bytes, format, null);
    }

    public static Document unreadable(String source, String message) {
        return new Document(source, null, null, new FactsException(message, null));
    }
}

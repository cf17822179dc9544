package org.exdiag.knowledge;

import java.util.Map;

/**
 * One warning code's knowledge: its severity and its texts in each language.
 *
 * @param couldNotCheck for "could not check" codes, the part concerned (a template over the finding's
 *                      arguments, e.g. {@code dns.{record}}); null for verdicts on the mailbox
 */
public record Entry(String code, Severity severity, Template couldNotCheck, Map<Language, EntryText> texts) {
    public EntryText text(Language language) {
        return texts.get(language);
    }

    public boolean isCouldNotCheck() {
        return couldNotCheck != null;
    }
}

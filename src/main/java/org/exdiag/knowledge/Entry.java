package org.exdiag.knowledge;

import java.util.Map;

/** One warning code's knowledge: its severity and its text in each language. */
public record Entry(String code, Severity severity, Map<Language, EntryText> texts) {
    public EntryText text(Language language) {
        return texts.get(language);
    }
}

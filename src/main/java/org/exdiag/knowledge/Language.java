package org.exdiag.knowledge;

import java.util.Locale;

/** The languages every knowledge-base entry is written in. */
public enum Language {
    EN, FR;

    public static Language parse(String tag) {
        try {
            return valueOf(tag.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language \"" + tag + "\" (expected en or fr)");
        }
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

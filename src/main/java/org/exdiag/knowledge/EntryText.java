package org.exdiag.knowledge;

import java.util.List;

/** A warning in one language: a title, why it matters, and the steps that fix it. */
public record EntryText(String title, String explanation, List<String> remediation) {
    public EntryText {
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
    }
}

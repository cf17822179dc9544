package org.exdiag.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A warning in one language: a title, why it matters, the steps that fix it, and the templates of the
 * evidence its rules give (by message tag). The texts may name values of the rules' data
 * ({@code {expected.mx.exchange-only|or}}), so that a host name is written in one place only.
 */
public record EntryText(Template title, Template explanation, List<Template> remediation, Map<String, Template> evidence) {
    public EntryText {
        remediation = List.copyOf(remediation);
        evidence = Map.copyOf(evidence);
    }
}

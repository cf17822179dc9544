package org.exdiag.scenario;

import java.util.List;

/**
 * How one scenario went: an empty list of failures means it passed.
 *
 * @param facts   the scenario's facts, when they could be read (for explaining a failure)
 * @param missing warning codes the scenario expected and the rules did not raise
 */
public record ScenarioResult(String file, String name, List<String> failures, org.exdiag.facts.FactsDocument facts,
                             List<String> missing) {
    public ScenarioResult(String file, String name, List<String> failures) {
        this(file, name, failures, null, List.of());
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}

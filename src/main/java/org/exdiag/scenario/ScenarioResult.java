package org.exdiag.scenario;

import java.util.List;

/** How one scenario went: an empty list of failures means it passed. */
public record ScenarioResult(String file, String name, List<String> failures) {
    public boolean passed() {
        return failures.isEmpty();
    }
}

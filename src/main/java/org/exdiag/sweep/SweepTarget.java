package org.exdiag.sweep;

import java.util.List;
import org.exdiag.facts.Expectation;

/**
 * One domain to check: its name (lower case, no final dot), how its mail is meant to be set up (each
 * part may be unknown), and the DKIM selectors to look up (none: DKIM is not checked).
 */
public record SweepTarget(String domain, Expectation expect, List<String> dkimSelectors) {
    public SweepTarget {
        dkimSelectors = List.copyOf(dkimSelectors);
    }
}

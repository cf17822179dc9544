package org.exdiag.facts;

/** Outcome of the two test emails; null means not attempted. */
public record TestEmailFacts(Boolean sent, Boolean received, Integer waitedSeconds) {
    public TestEmailFacts {
        Checks.inRange("waitedSeconds", waitedSeconds, 0, 86_400);
    }
}

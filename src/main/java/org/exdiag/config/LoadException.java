package org.exdiag.config;

import java.util.List;
import java.util.stream.Collectors;

/** A rules or knowledge-base folder that cannot be used, with every problem found in it. */
public class LoadException extends Exception {
    private final List<Problem> problems;

    public LoadException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

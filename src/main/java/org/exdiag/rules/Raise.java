package org.exdiag.rules;

import org.kie.api.runtime.rule.RuleContext;

/**
 * What rule consequences call; DRL imports them with {@code import function}. All inserts are
 * logical: when the conditions of the rule stop holding, what it inserted goes away.
 */
public final class Raise {
    private Raise() {
    }

    /** Raises warning {@code code}, with evidence in words; the rule's name goes into the report. */
    public static void raise(RuleContext drools, String code, String source, String evidence) {
        drools.insertLogical(new Finding(code, source, drools.getRule().getName(), evidence));
    }

    /** Records that warning {@code cause} explains warning {@code effect}. */
    public static void explain(RuleContext drools, String cause, String effect) {
        drools.insertLogical(new Link(cause, effect));
    }

    /** Adds evidence to warning {@code code} without raising it. */
    public static void note(RuleContext drools, String code, String text) {
        drools.insertLogical(new Note(code, text));
    }
}

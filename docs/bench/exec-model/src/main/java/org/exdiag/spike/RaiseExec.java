package org.exdiag.spike;

import org.drools.model.Drools;
import org.exdiag.rules.LinkRow;
import org.exdiag.rules.Raise;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The executable model's consequences get {@code drools} as an org.drools.model.Drools, not a
 * RuleContext: Raise's functions do not apply (121 consequences, 242 compile errors). Its DroolsImpl is
 * also a RuleContext, so these overloads delegate. In exdiag itself they would be overloads in Raise,
 * and the DRL would not change; here the spike's copy of the rules imports this class instead.
 */
public final class RaiseExec {
    private RaiseExec() {
    }

    public static void raise(Drools drools, String code, String source, String tag, Object... namesAndValues) {
        Raise.raise((RuleContext) drools, code, source, tag, namesAndValues);
    }

    public static void explain(Drools drools, String cause, String effect) {
        Raise.explain((RuleContext) drools, cause, effect);
    }

    public static void linkAsListed(Drools drools, LinkRow row) {
        Raise.linkAsListed((RuleContext) drools, row);
    }

    public static void note(Drools drools, String code, String tag, Object... namesAndValues) {
        Raise.note((RuleContext) drools, code, tag, namesAndValues);
    }
}

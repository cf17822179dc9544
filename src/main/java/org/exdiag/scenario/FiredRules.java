package org.exdiag.scenario;

import java.util.HashSet;
import java.util.Set;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.exdiag.rules.LinkRow;
import org.kie.api.event.rule.AfterMatchFiredEvent;

/**
 * The names of the rules that fired in an analysis, a row of {@code links.yaml} counting as the rule it
 * replaces (the row is bound in the match of the rule that applies it): what a scenario says it fires,
 * and what rule coverage counts.
 */
public final class FiredRules extends DefaultAgendaEventListener {
    private final Set<String> names = new HashSet<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        names.add(event.getMatch().getRule().getName());
        for (String id : event.getMatch().getDeclarationIds()) {
            if (event.getMatch().getDeclarationValue(id) instanceof LinkRow row) {
                names.add(row.name());
            }
        }
    }

    /** The names so far (live: the set the listener adds to). */
    public Set<String> names() {
        return names;
    }
}

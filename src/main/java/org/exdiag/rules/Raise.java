package org.exdiag.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What rule consequences call; DRL imports them with {@code import function}. A rule says what it
 * found as a message tag and named values, never in words: the knowledge base holds each tag's
 * template in every language (as Zonemaster's test modules do). All inserts are logical: when the
 * conditions of the rule stop holding, what it inserted goes away.
 */
public final class Raise {
    private Raise() {
    }

    /**
     * Raises warning {@code code} with one piece of evidence: {@code tag} and its values, given as
     * name, value, name, value... ({@code "host", $host, "preference", $preference}).
     *
     * @param source probe, account or provider: who saw it
     */
    public static void raise(RuleContext drools, String code, String source, String tag, Object... namesAndValues) {
        drools.insertLogical(new Finding(code, source, drools.getRule().getName(), tag, arguments(tag, namesAndValues)));
    }

    /** Records that warning {@code cause} explains warning {@code effect}. */
    public static void explain(RuleContext drools, String cause, String effect) {
        drools.insertLogical(new Link(cause, effect));
    }

    /** Records the link a row of links.yaml makes (the rules of links.drl that apply the table). */
    public static void linkAsListed(RuleContext drools, LinkRow row) {
        drools.insertLogical(new Link(row.cause(), row.effect()));
    }

    /** Adds evidence to warning {@code code} without raising it: {@code tag} and its values, as for raise. */
    public static void note(RuleContext drools, String code, String tag, Object... namesAndValues) {
        drools.insertLogical(new Note(code, tag, arguments(tag, namesAndValues)));
    }

    /** The values by name, in the order given. {@code rules check} finds a wrong call before any analysis. */
    static Map<String, Object> arguments(String tag, Object[] namesAndValues) {
        if (namesAndValues.length == 0) {
            return Map.of();
        }
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(tag + ": values come in pairs, a name then its value");
        }
        Map<String, Object> args = new LinkedHashMap<>(namesAndValues.length);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException(tag + ": value " + (i / 2 + 1) + " has no name");
            }
            args.put(name, namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(args);
    }
}

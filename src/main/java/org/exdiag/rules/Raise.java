package org.exdiag.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drools.model.Drools;
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

    // The same four for the executable model (the bundled rules compiled at build time), whose
    // consequences get their `drools` as org.drools.model.Drools: the DRL stays one text for both.

    public static void raise(Drools drools, String code, String source, String tag, Object... namesAndValues) {
        raise(context(drools), code, source, tag, namesAndValues);
    }

    public static void explain(Drools drools, String cause, String effect) {
        explain(context(drools), cause, effect);
    }

    public static void linkAsListed(Drools drools, LinkRow row) {
        linkAsListed(context(drools), row);
    }

    public static void note(Drools drools, String code, String tag, Object... namesAndValues) {
        note(context(drools), code, tag, namesAndValues);
    }

    /** Drools' implementation of the model's {@code drools} is a RuleContext too (insertLogical, the rule's name). */
    private static RuleContext context(Drools drools) {
        return drools instanceof RuleContext context ? context : drools.getContext(RuleContext.class);
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

package org.exdiag.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.Match;

/**
 * What the prefix rules of one explanation recorded: for each rule, how many of its conditions were
 * met together, with the facts of the first few matches. One per session; a DRL global.
 */
public final class Trace {
    private static final int MATCHES_KEPT = 3;
    private final Map<String, Map<Integer, List<Seen>>> reached = new HashMap<>();

    /** One match of a prefix: its facts in order, and the values of its bound variables ($host...). */
    record Seen(List<Object> facts, Map<String, Object> bindings) {
    }

    /** Called by the prefix rule {@code k} of {@code rule}: its first {@code k} conditions held together. */
    public synchronized void reached(String rule, int k, Match match) {
        List<Seen> matches = reached.computeIfAbsent(rule, r -> new HashMap<>()).computeIfAbsent(k, x -> new ArrayList<>());
        if (matches.size() < MATCHES_KEPT) {
            Map<String, Object> bindings = new LinkedHashMap<>();
            for (String id : match.getDeclarationIds()) {
                Object value = match.getDeclarationValue(id);
                if (value != null) {
                    bindings.put(id, value);
                }
            }
            matches.add(new Seen(List.copyOf(match.getObjects().stream().filter(o -> o != null).toList()), bindings));
        }
    }

    /** How many conditions of the rule held together at most (0: not even the first). */
    synchronized int depth(String rule) {
        return reached.getOrDefault(rule, Map.of()).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The first matches of the rule's first {@code k} conditions. */
    synchronized List<Seen> matches(String rule, int k) {
        return reached.getOrDefault(rule, Map.of()).getOrDefault(k, List.of());
    }
}

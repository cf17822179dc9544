package org.exdiag.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules folder's links.yaml, for the two rules of links.drl that apply it: the rows by cause, so
 * that a warning finds its rows without trying them all. Immutable; one per rule set, in every session.
 */
public final class LinkTable {
    public static final LinkTable EMPTY = new LinkTable(List.of());

    private final List<LinkRow> rows;
    private final Map<String, List<LinkRow>> byCause = new LinkedHashMap<>();

    public LinkTable(List<LinkRow> rows) {
        this.rows = List.copyOf(rows);
        Map<String, java.util.ArrayList<LinkRow>> grouped = new LinkedHashMap<>();
        this.rows.forEach(r -> grouped.computeIfAbsent(r.cause(), k -> new java.util.ArrayList<>()).add(r));
        grouped.forEach((cause, list) -> byCause.put(cause, List.copyOf(list)));
    }

    /** The rows whose cause is {@code code}, in the file's order. */
    public List<LinkRow> rowsFor(String code) {
        return byCause.getOrDefault(code, List.of());
    }

    public List<LinkRow> rows() {
        return rows;
    }
}

package org.exdiag.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exdiag.config.ConfigYaml;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.config.YamlLines;
import org.exdiag.rules.LinkRow;
import org.exdiag.rules.LinkTable;

/**
 * Reads the rules folder's links.yaml: what explains what, one row a link, each with the name explain
 * and the scenarios know it by. Absent: no link is listed (the folder's DRL may still make links).
 */
final class LinkTableReader {
    private static final String CODE = "[A-Z][A-Z0-9_]*";

    private LinkTableReader() {
    }

    record LinksFile(List<Row> links) {
    }

    /** @param tag with it, only the cause's findings of that message tag make the link */
    record Row(String name, String cause, String tag, String effect) {
    }

    static LinkTable read(Path file, String shown) throws LoadException {
        if (!Files.isRegularFile(file)) {
            return LinkTable.EMPTY;
        }
        LinksFile f = ConfigYaml.read(file, shown, LinksFile.class);
        List<Row> rows = f.links() == null ? List.of() : f.links();
        List<Problem> problems = new ArrayList<>();
        List<LinkRow> table = new ArrayList<>();
        Set<String> names = new HashSet<>();
        YamlLines lines = YamlLines.of(file);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String wrong = r == null ? "a link needs a name, a cause and an effect"
                    : r.name() == null || r.name().isBlank() ? "name: required (what explain and the scenarios call the link)"
                    : !names.add(r.name()) ? "name: \"" + r.name() + "\" is the name of another link"
                    : !isCode(r.cause()) || !isCode(r.effect()) ? "cause and effect: warning codes (MX_INVALID) are required"
                    : r.cause().equals(r.effect()) ? "a warning cannot explain itself"
                    : r.tag() != null && !r.tag().matches(CODE) ? "tag: a message tag (SUBMISSION_REPLY)"
                    : null;
            if (wrong != null) {
                problems.add(new Problem(shown, lines.lineOf("links[" + i + "]"), "links[" + i + "]: " + wrong));
            } else {
                table.add(new LinkRow(r.name(), r.cause(), r.tag(), r.effect()));
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new LinkTable(table);
    }

    private static boolean isCode(String s) {
        return s != null && s.matches(CODE);
    }
}

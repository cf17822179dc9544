package org.exdiag.replies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.exdiag.config.ConfigYaml;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.config.YamlLines;

/**
 * Reads {@code smtp-replies.yaml}: the categories the rules know, declared with their meaning, and the
 * patterns that put replies in them. A pattern naming an undeclared category (a typo) is an error with
 * its line, as is a pattern that cannot compile.
 */
public final class ReplyPatternsReader {
    static final Set<String> PLACEMENTS = Set.of("submission", "inbound", "direct", "bounce");
    private static final Set<String> STAGES = Set.of("CONNECT", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA",
            "END_OF_DATA", "QUIT");

    private ReplyPatternsReader() {
    }

    /** @param defaults what a pattern that leaves a part out takes (today: {@code code}) */
    record ReplyPatternsFile(Map<String, String> categories, Defaults defaults, List<PatternEntry> patterns) {
    }

    record Defaults(String code) {
    }

    record PatternEntry(String name, String category, List<String> placements, List<String> stages, String code,
                        String enhanced, String text, List<String> sources) {
    }

    /** The patterns, and the declared categories (for the check of the categories rules match). */
    public record Read(List<ReplyPattern> patterns, Set<String> categories) {
    }

    public static Read read(Path file, String shown) throws LoadException {
        ReplyPatternsFile f = ConfigYaml.readRequired(file, shown, ReplyPatternsFile.class);
        List<Problem> problems = new ArrayList<>();
        YamlLines lines = YamlLines.of(file);
        Set<String> categories = f.categories() == null ? Set.of() : Set.copyOf(f.categories().keySet());
        if (categories.isEmpty()) {
            problems.add(new Problem(shown, 0, "categories: declare each category the patterns use, with its meaning"));
        }
        List<ReplyPattern> patterns = new ArrayList<>();
        List<PatternEntry> entries = f.patterns() == null ? List.of() : f.patterns();
        String defaultCode = f.defaults() == null ? null : f.defaults().code();
        // Most patterns share a handful of code patterns (5xx, [45]xx, the default): one table each.
        // The tables are shared and never written after this.
        Map<String, BitSet> codeTables = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PatternEntry e = entries.get(i);
            String code = e.code() != null ? e.code() : defaultCode;
            String path = "patterns[" + i + "]";
            String where = path + (e.name() == null ? "" : " \"" + e.name() + "\"");
            List<String> wrong = new ArrayList<>();
            if (e.name() == null || e.category() == null) {
                wrong.add(where + ": name and category are required");
            } else if (!categories.contains(e.category())) {
                wrong.add(where + ": category \"" + e.category() + "\" is not declared under categories (" + String.join(", ",
                        new java.util.TreeSet<>(categories)) + ")");
            }
            List<String> placements = e.placements() == null ? List.of() : e.placements();
            placements.stream().filter(p -> !PLACEMENTS.contains(p)).forEach(p -> wrong.add(where + ": placement \"" + p
                    + "\" (expected submission, inbound, direct or bounce)"));
            List<String> stages = e.stages() == null ? List.of() : e.stages().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
            stages.stream().filter(s -> !STAGES.contains(s)).forEach(s -> wrong.add(where + ": stage \"" + s + "\" (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(STAGES)) + ")"));
            if (wrong.isEmpty()) {
                try {
                    patterns.add(new ReplyPattern(i, e.name(), e.category(), Set.copyOf(placements), Set.copyOf(stages),
                            code == null ? null : codeTables.computeIfAbsent(code, ReplyPatternsReader::codeTable),
                            e.enhanced() == null ? null : Pattern.compile(e.enhanced()),
                            e.text() == null ? null : Pattern.compile(e.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
                } catch (PatternSyntaxException ex) {
                    wrong.add(where + ": bad pattern: " + ex.getDescription() + " in " + ex.getPattern());
                }
            }
            if (!wrong.isEmpty()) {
                int line = lines.lineOf(path);
                wrong.forEach(w -> problems.add(new Problem(shown, line, w)));
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new Read(List.copyOf(patterns), categories);
    }

    /** The codes a file's code pattern accepts, x standing for any digit. */
    private static BitSet codeTable(String code) {
        return ReplyPattern.codesMatching(Pattern.compile(code.replace("x", "[0-9]").replace("X", "[0-9]")));
    }
}

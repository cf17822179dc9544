package org.exdiag.replies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exdiag.facts.SmtpReply;

/**
 * The replies the knowledge does not know yet, grouped by template ({@link ReplyTemplate}): how often
 * each was seen, where (placement, stage), two examples with their sources, and the smtp-replies.yaml
 * entry that would classify the whole group. Not thread-safe: one thread adds.
 */
public final class UnknownReplies {
    private static final int EXAMPLES = 2;

    /** One reply as it was seen: where it came from, where it was heard, and the reply itself. */
    public record Seen(String source, String placement, String stage, String raw) {
    }

    /** The replies of one template. */
    public static final class Group {
        private final int code;
        private final String enhanced;
        private final String template;
        private final Set<String> placements = new LinkedHashSet<>();
        private final Set<String> stages = new LinkedHashSet<>();
        private final List<Seen> examples = new ArrayList<>(EXAMPLES);
        private long count;

        Group(int code, String enhanced, String template) {
            this.code = code;
            this.enhanced = enhanced;
            this.template = template;
        }

        public long count() {
            return count;
        }

        public int code() {
            return code;
        }

        public String enhanced() {
            return enhanced;
        }

        public String template() {
            return template;
        }

        public Set<String> placements() {
            return placements;
        }

        public Set<String> stages() {
            return stages;
        }

        public List<Seen> examples() {
            return examples;
        }

        /** The smtp-replies.yaml entry that classifies every reply of the group, its category left for the engineer. */
        public String suggestion(String indent) {
            String n = "\n" + indent;
            StringBuilder out = new StringBuilder(indent).append("- name: ").append(quote(template.length() > 70 ? template.substring(0, 70) + "..." : template));
            out.append(n).append("  category:   # choose one of the categories above; left empty, rules check refuses the entry");
            out.append(n).append("  placements: [").append(String.join(", ", placements)).append(']');
            if (!stages.isEmpty()) {
                out.append(n).append("  stages: [").append(String.join(", ", stages)).append(']');
            }
            out.append(n).append("  code: \"").append(code).append('"');
            if (enhanced != null) {
                out.append(n).append("  enhanced: '").append(enhanced.replace(".", "\\.")).append('\'');
            }
            String text = ReplyTemplate.pattern(template);
            if (!text.isEmpty()) {
                out.append(n).append("  text: '").append(text.replace("'", "''")).append('\'');
            }
            out.append(n).append("  sources:");
            out.append(n).append("    - ").append(quote("seen " + count + " time" + (count == 1 ? "" : "s") + " (exdiag replies), e.g. "
                    + examples.get(0).source()));
            return out.append('\n').toString();
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "''") + "'";
        }
    }

    private final Map<String, Group> groups = new HashMap<>();
    private long seen;
    private long unknown;

    /** Counts a reply; {@code known} says whether the knowledge classified it into a code of its own. */
    public void add(Seen reply, boolean known) {
        seen++;
        if (known) {
            return;
        }
        unknown++;
        SmtpReply parsed = SmtpReply.parse(reply.raw());
        String template = ReplyTemplate.of(parsed.text());
        Group g = groups.computeIfAbsent(parsed.code() + " " + parsed.enhancedCode() + " " + template,
                k -> new Group(parsed.code(), parsed.enhancedCode(), template));
        g.count++;
        g.placements.add(reply.placement());
        if (reply.stage() != null) {
            g.stages.add(reply.stage());
        }
        if (g.examples.size() < EXAMPLES) {
            g.examples.add(reply);
        }
    }

    public long seen() {
        return seen;
    }

    public long unknown() {
        return unknown;
    }

    /** The groups seen at least {@code minCount} times, most frequent first, at most {@code top}. */
    public List<Group> top(long minCount, int top) {
        return groups.values().stream().filter(g -> g.count >= minCount)
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::template))
                .limit(top).toList();
    }
}

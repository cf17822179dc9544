package org.exdiag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWriter;

/**
 * How the cost of one analysis (read the facts, run the rules, build and write the report, on one
 * thread) grows with the rule base and with a document's replies. docs/bench/scaling.sh runs it and
 * plots the CSV it writes.
 *
 * <ul>
 * <li>Rules: the bundled set, then 5 and 20 times as many rules and reply patterns, the added ones
 *     generated two ways. "clones": copies of the bundled rules themselves (every rule whose conditions
 *     compare a string: 101 of 126), conditions as written but each string in them changed, so that a
 *     copy matches values no fact has, as most rules an engineer adds do (a new reply category, a new
 *     host); its consequence raises GENERATED. "joins": the three shapes of this benchmark's first
 *     version: a Reply at some placement joined with its ReplyClass of a generated category; a rule on
 *     one MX host; the account joined with the provider's diagnosis and the test email. The copies cost
 *     more than the joins: many bundled rules start from facts every document has (warnings, the clock,
 *     the expected values), and Drools gives every such rule memory in every session. Reply patterns: code and text like the bundled ones, each
 *     with a category of its own.</li>
 * <li>Replies: a healthy document whose submission dialogue holds 1, 10 or 100 replies, real ones
 *     from the corpus, failures and successes mixed.</li>
 * </ul>
 * Run: {@code java -cp ... org.exdiag.bench.Scaling OUT_DIR [SECONDS_PER_POINT]}.
 */
public final class Scaling {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scaling() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        Files.createDirectories(out);
        List<byte[]> examples = examples();
        StringBuilder csv = new StringBuilder("series,x,rules,patterns,micros_per_analysis\n");

        // Rule sets measured in turns, three rounds, the median kept: this machine's speed drifts by
        // +-15 % from one minute to the next, and the first minute is the JIT's.
        // The last set is the bundled rules as the application runs them, from the executable model; the
        // first, the same rules compiled from DRL as an edited folder (and every generated set) is: the
        // ratios compare like with like.
        int[] sizes = {1, 5, 20, 5, 20, 1};
        String[] series = {"rules", "rules", "rules", "rules-joins", "rules-joins", "model"};
        List<Expertise> sets = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int times = sizes[i];
            sets.add(series[i].equals("model") ? TestSupport.expertise()
                    : times == 1 ? compiledBundled(out.resolve("rules-x1"))
                    : generated(times, series[i].equals("rules"), out.resolve(series[i] + "-x" + times)));
        }
        for (Expertise e : sets) {
            microsPerAnalysis(e, examples, seconds); // warm-up of every set's code paths
        }
        double[][] rounds = new double[sizes.length][3];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < sizes.length; i++) {
                rounds[i][round] = microsPerAnalysis(sets.get(i), examples, seconds);
            }
        }
        double base = median(rounds[0]);
        for (int i = 0; i < sizes.length; i++) {
            Expertise expertise = sets.get(i);
            int rules = expertise.rules().ruleNames().size();
            int patterns = expertise.rules().replies().patterns().size();
            double micros = median(rounds[i]);
            String name = series[i].equals("model") ? "model x1" : (i == 0 ? "bundled" : series[i].equals("rules") ? "clones" : "joins") + " x" + sizes[i];
            System.out.printf(Locale.ROOT, "%-10s %5d rules %4d patterns  %8.1f us/analysis  (%.2fx; rounds %s; GENERATED per document %.2f)%n",
                    name, rules, patterns, micros, micros / base, Arrays.toString(rounds[i]), generatedPerDocument(expertise, examples));
            if (i == 0) {
                csv.append(String.format(Locale.ROOT, "rules-joins,%d,%d,%d,%.1f%n", sizes[i], rules, patterns, micros));
            }
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f%n", series[i], sizes[i], rules, patterns, micros));
        }
        Expertise bundled = TestSupport.expertise();
        List<String> replies = realReplies();
        for (int n : new int[] {1, 10, 100}) {
            byte[] doc = withReplies(n, replies);
            microsPerAnalysis(bundled, List.of(doc), seconds);
            double micros = microsPerAnalysis(bundled, List.of(doc), seconds);
            System.out.printf(Locale.ROOT, "replies %-4d %8.1f us/analysis%n", n, micros);
            csv.append(String.format(Locale.ROOT, "replies,%d,%d,%d,%.1f%n", n, bundled.rules().ruleNames().size(),
                    bundled.rules().replies().patterns().size(), micros));
        }
        Files.writeString(out.resolve("scaling-analysis.csv"), csv);
    }

    /** Mean time of one whole analysis, on this thread, after as long a warm-up as the measure. */
    static double microsPerAnalysis(Expertise expertise, List<byte[]> docs, double seconds) throws Exception {
        FactsReader reader = new FactsReader();
        long sink = 0;
        for (int phase = 0; phase < 2; phase++) {
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            long count = 0;
            while (System.nanoTime() < deadline) {
                for (byte[] doc : docs) {
                    FactsDocument facts = reader.read(doc, FactsFormat.JSON);
                    sink += ReportWriter.json().writeValueAsBytes(expertise.report(facts, Language.EN)).length;
                    count++;
                }
            }
            if (phase == 1) {
                if (sink == 42) {
                    System.out.print("");
                }
                return (System.nanoTime() - start) / 1e3 / count;
            }
        }
        throw new IllegalStateException();
    }

    /** The examples as JSON documents. */
    static List<byte[]> examples() throws Exception {
        List<byte[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList()) {
                docs.add(JSON.writeValueAsBytes(new YAMLMapper().readTree(f.toFile())));
            }
        }
        return docs;
    }

    static List<String> realReplies() throws Exception {
        JsonNode corpus = new YAMLMapper().readTree(Path.of("src/test/resources/smtp-replies/real-replies.yaml").toFile());
        List<String> replies = new ArrayList<>();
        corpus.findValues("reply").forEach(r -> replies.add(r.asText()));
        return replies;
    }

    /** The healthy hosted example whose submission dialogue holds {@code n} replies, every third a success. */
    static byte[] withReplies(int n, List<String> replies) throws Exception {
        ObjectNode doc = (ObjectNode) new YAMLMapper().readTree(Path.of("examples/healthy-hosted.yaml").toFile());
        ((ObjectNode) doc).put("version", 2);
        ArrayNode list = JSON.createArrayNode();
        String[] stages = {"MAIL", "RCPT", "DATA", "END_OF_DATA"};
        for (int i = 0; i < n; i++) {
            String reply = i % 3 == 0 ? "250 2.1.5 Recipient OK" : replies.get((i * 7) % replies.size());
            list.addObject().put("stage", stages[i % stages.length]).put("reply", reply);
        }
        ((ObjectNode) doc.get("smtp")).set("replies", list);
        return JSON.writeValueAsBytes(doc);
    }

    /** The bundled rules compiled from DRL, as every generated set is, not from the executable model. */
    static Expertise compiledBundled(Path dir) throws Exception {
        Path rules = TestSupport.compiledCopyOfRules(dir.resolve("rules"));
        return Expertise.load(rules, "rules x1", Path.of("knowledge-base"), "knowledge-base");
    }

    /**
     * A copy of the project's rules and knowledge base with {@code times - 1} more of each rule and reply
     * pattern, generated. Each generated rule raises GENERATED with its number; one knowledge-base entry
     * says it.
     */
    static Expertise generated(int times, boolean clones, Path dir) throws Exception {
        Path rules = TestSupport.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path kb = TestSupport.copyTree(Path.of("knowledge-base"), dir.resolve("knowledge-base"));
        Expertise bundled = TestSupport.expertise();
        int extraRules = bundled.rules().ruleNames().size() * (times - 1);
        int extraPatterns = bundled.rules().replies().patterns().size() * (times - 1);

        StringBuilder drl = clones ? clonesOfBundled(extraRules) : joins(extraRules, extraPatterns);
        Files.writeString(rules.resolve("generated.drl"), drl, StandardCharsets.UTF_8);
        addReplyPatterns(rules, extraPatterns);
        addGeneratedEntry(kb);
        return Expertise.load(rules, "rules x" + times, kb, "knowledge-base x" + times);
    }

    private static final Pattern RULE = Pattern.compile(
            "(?sm)^rule\\s+\"([^\"]+)\"(.*?)\\bwhen\\b(.*?)\\bthen\\b.*?^end\\b");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    /**
     * {@code count} copies of the bundled rules that compare a string, taken in turn: same attributes
     * and conditions, every string in the conditions suffixed with the copy's number, and a consequence
     * that raises GENERATED.
     */
    static StringBuilder clonesOfBundled(int count) throws Exception {
        List<String[]> originals = new ArrayList<>(); // name, attributes, conditions
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(f).replaceAll("//[^\n]*", "");
                Matcher m = RULE.matcher(text);
                while (m.find()) {
                    if (m.group(3).contains("\"")) {
                        originals.add(new String[] {m.group(1), m.group(2), m.group(3)});
                    }
                }
            }
        }
        StringBuilder drl = new StringBuilder(
                "package exdiag;\nimport org.exdiag.rules.*;\nimport function org.exdiag.rules.Raise.raise;\n\n");
        for (int k = 0; k < count; k++) {
            String[] rule = originals.get(k % originals.size());
            String suffix = "#g" + k;
            String conditions = STRING.matcher(rule[2]).replaceAll(r -> Matcher.quoteReplacement("\"" + r.group(1) + suffix + "\""));
            drl.append("rule \"").append(rule[0]).append(" (copy ").append(k).append(")\"").append(rule[1])
                    .append("when").append(conditions).append("then\n")
                    .append("    raise(drools, \"GENERATED\", \"probe\", \"GEN\", \"n\", ").append(k).append(", \"reply\", \"\");\n")
                    .append("end\n\n");
        }
        return drl;
    }

    /** The worst case: joins whose first patterns match facts every document has. */
    static StringBuilder joins(int extraRules, int extraPatterns) {
        StringBuilder drl = new StringBuilder("package exdiag;\nimport org.exdiag.rules.*;\nimport function org.exdiag.rules.Raise.raise;\n\n");
        String[] placements = {"submission", "inbound", "bounce"};
        for (int k = 0; k < extraRules; k++) {
            switch (k % 3) {
                case 0 -> drl.append(String.format(Locale.ROOT, """
                        rule "Generated %1$d: reply category gen-%2$d"
                        when
                            $r : Reply( placement == "%3$s" )
                            ReplyClass( reply == $r, category == "gen-%2$d" )
                        then
                            raise(drools, "GENERATED", "probe", "GEN", "n", %1$d, "reply", $r.firstLine());
                        end

                        """, k, k % Math.max(1, extraPatterns), placements[k % placements.length]));
                case 1 -> drl.append(String.format(Locale.ROOT, """
                        rule "Generated %1$d: MX host"
                        when
                            MxHost( host == "mx%1$d.generated.example" )
                        then
                            raise(drools, "GENERATED", "probe", "GEN", "n", %1$d, "reply", "");
                        end

                        """, k));
                default -> drl.append(String.format(Locale.ROOT, """
                        rule "Generated %1$d: account, provider and test email"
                        when
                            Account( state == "suspended" )
                            Provider( canSendEmail == false )
                            TestEmail( sent == false, waitedSeconds != null, waitedSeconds > %2$d )
                        then
                            raise(drools, "GENERATED", "probe", "GEN", "n", %1$d, "reply", "");
                        end

                        """, k, 100_000 + k));
            }
        }
        return drl;
    }

    /** {@code extraPatterns} more reply patterns, each with a category of its own. */
    static void addReplyPatterns(Path rules, int extraPatterns) throws Exception {
        String replies = Files.readString(rules.resolve("smtp-replies.yaml"));
        StringBuilder categories = new StringBuilder();
        StringBuilder patterns = new StringBuilder();
        String[] verbs = {"rejected", "refused", "denied", "blocked"};
        for (int k = 0; k < extraPatterns; k++) {
            categories.append(String.format(Locale.ROOT, "  gen-%d: \"generated category %d\"%n", k, k));
            patterns.append(String.format(Locale.ROOT, """
                      - name: generated pattern %1$d
                        category: gen-%1$d
                        code: "5xx"
                        text: 'genword%1$d (is )?(%2$s|not accepted)|policy gen%1$d'
                    """, k, verbs[k % verbs.length]));
        }
        replies = replies.replace("categories:\n", "categories:\n" + categories) + patterns;
        Files.writeString(rules.resolve("smtp-replies.yaml"), replies, StandardCharsets.UTF_8);
    }

    static void addGeneratedEntry(Path kb) throws Exception {
        Files.writeString(kb.resolve("GENERATED.yaml"), """
                code: GENERATED
                severity: notice
                en:
                  title: "A generated rule fired"
                  explanation: "A rule generated for the scaling benchmark fired."
                  remediation: ["Nothing: it measures cost."]
                  evidence:
                    GEN: "generated rule {n}[: {reply}]"
                fr:
                  title: "Une règle générée s'est déclenchée"
                  explanation: "Une règle générée pour le banc d'essai s'est déclenchée."
                  remediation: ["Rien : elle mesure un coût."]
                  evidence:
                    GEN: "règle générée {n}[ : {reply}]"
                """);
    }

    /** How many GENERATED warnings an analysis of each example gives, on average: the copies that fire. */
    static double generatedPerDocument(Expertise expertise, List<byte[]> docs) throws Exception {
        FactsReader reader = new FactsReader();
        long fired = 0;
        for (byte[] doc : docs) {
            String report = ReportWriter.json().writeValueAsString(expertise.report(reader.read(doc, FactsFormat.JSON), Language.EN));
            fired += JSON.readTree(report).findValues("code").stream().filter(c -> c.asText().equals("GENERATED")).count();
        }
        return (double) fired / docs.size();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

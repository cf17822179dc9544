package org.exdiag.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.exdiag.Expertise;
import org.exdiag.batch.Document;
import org.exdiag.batch.DocumentSource;
import org.exdiag.batch.OrderedParallel;
import org.exdiag.bounce.MessageSource;
import org.exdiag.bounce.NdrException;
import org.exdiag.bounce.NdrReader;
import org.exdiag.bounce.NdrReading;
import org.exdiag.config.LoadException;
import org.exdiag.replies.ReplyClassifier;
import org.exdiag.replies.ReplyPattern;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.DeliveryAttempt;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.facts.SmtpExchange;
import org.exdiag.facts.SmtpReply;
import org.exdiag.knowledge.Language;
import org.exdiag.replies.UnknownReplies;
import org.exdiag.report.ReportWarning;
import org.exdiag.report.ReportWriter;
import org.exdiag.rules.Reply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exdiag replies}: the server replies the knowledge does not know yet, in facts files and in
 * bounces, grouped by template, most frequent first, each with the smtp-replies.yaml entry that would
 * classify its group. How a support team teaches exdiag what the field shows it.
 */
@Command(name = "replies", mixinStandardHelpOptions = true,
        description = {"List the server replies no pattern of smtp-replies.yaml classifies, or that only the catch-all codes "
                + "took (REMOTE_REJECTED, INFRASTRUCTURE_INCIDENT_SUSPECTED), in facts files (.json, .yaml, .yml, .jsonl), bounce "
                + "messages, folders, mbox files and maildirs: grouped by template (addresses, IP addresses, host names, numbers, "
                + "queue ids and dates masked), most frequent first, each with where it was seen, two examples and a suggested "
                + "smtp-replies.yaml entry.",
                "--format yaml writes the suggestions ready to paste under patterns: (each with its category to choose)."})
final class RepliesCommand extends ExdiagCommand {
    private static final Set<String> CATCH_ALL = Set.of("REMOTE_REJECTED", "INFRASTRUCTURE_INCIDENT_SUSPECTED");

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), yaml (the suggestions, ready to paste) or json.")
    String format = "text";

    @Option(names = "--min-count", paramLabel = "N", description = "Only templates seen at least N times (default ${DEFAULT-VALUE}).")
    long minCount = 1;

    @Option(names = "--top", paramLabel = "N", description = "At most N templates (default ${DEFAULT-VALUE}).")
    int top = 50;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Facts files, JSON lines files, bounce messages, folders, mbox files, maildirs.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException, LoadException {
        PrintWriter err = err();
        if (!List.of("text", "yaml", "json").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected text, yaml or json");
        }
        batch.check(spec.commandLine());
        if (top < 1 || minCount < 1) {
            throw usage("--top and --min-count must be at least 1");
        }
        Expertise expertise = expertise();
        List<String> factsFiles = new ArrayList<>();
        List<String> messageFiles = new ArrayList<>();
        for (String p : paths) {
            sort(p, factsFiles, messageFiles);
        }
        FactsReader reader = new FactsReader();
        UnknownReplies unknown = new UnknownReplies();
        long[] inputs = {0, 0};
        try (DocumentSource docs = new DocumentSource(factsFiles, reader.limits().maxDocumentBytes());
             MessageSource messages = new MessageSource(messageFiles, stdin())) {
            Iterator<Object> all = Stream.concat(stream(docs), stream(messages)).iterator();
            OrderedParallel.run(all, batch.jobs, 4, item -> seen(item, reader, expertise), seen -> {
                inputs[0]++;
                if (seen == null) {
                    inputs[1]++;
                    return;
                }
                seen.forEach(s -> unknown.add(s.reply(), s.known()));
            });
        }
        List<UnknownReplies.Group> groups = unknown.top(minCount, top);
        List<String> categories = expertise.rules().replies().patterns().stream().map(ReplyPattern::category).distinct().sorted().toList();
        try (Writer w = batch.open(out())) {
            w.write(switch (format) {
                case "yaml" -> yaml(groups, categories);
                case "json" -> json(groups, categories);
                default -> text(groups, categories);
            });
        }
        err.printf("exdiag: %,d inputs (%,d unreadable), %,d replies, %,d not known yet in %,d templates (%,d shown)%n", inputs[0], inputs[1],
                unknown.seen(), unknown.unknown(), unknown.top(1, Integer.MAX_VALUE).size(), groups.size());
        err.flush();
        return inputs[1] > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** A path's files, by kind: facts (by extension) or messages (anything else; maildirs and mbox files whole). */
    private static void sort(String path, List<String> facts, List<String> messages) throws IOException {
        Path p = Path.of(path);
        if (path.equals(MessageSource.STANDARD_INPUT) || !Files.isDirectory(p)) {
            (FactsFormat.forFileName(p.getFileName() == null ? path : p.getFileName().toString()).isPresent() ? facts : messages).add(path);
            return;
        }
        if (Files.isDirectory(p.resolve("cur")) || Files.isDirectory(p.resolve("new"))) {
            messages.add(path);
            return;
        }
        try (Stream<Path> list = Files.list(p)) {
            for (Path child : list.filter(c -> !c.getFileName().toString().startsWith(".")).sorted().toList()) {
                sort(child.toString(), facts, messages);
            }
        }
    }

    private static <T> Stream<Object> stream(Iterator<T> it) {
        Iterable<T> iterable = () -> it;
        return java.util.stream.StreamSupport.stream(iterable.spliterator(), false).map(o -> (Object) o);
    }

    private record Heard(UnknownReplies.Seen reply, boolean known) {
    }

    /** The replies an input holds, each with whether the knowledge knows it; null when the input cannot be read. */
    private static List<Heard> seen(Object item, FactsReader reader, Expertise expertise) {
        List<Heard> out = new ArrayList<>();
        ReplyClassifier classifier = expertise.rules().replies();
        if (item instanceof Document doc) {
            if (doc.unreadable() != null) {
                return null;
            }
            FactsDocument facts;
            try {
                facts = reader.read(doc.bytes(), doc.format());
            } catch (FactsException e) {
                return null;
            }
            if (facts.smtp() != null) {
                for (SmtpExchange x : facts.smtp().replies()) {
                    out.add(heard(doc.source(), "submission", x.stage().name(), x.reply(), classifier));
                }
            }
            attempts(doc.source(), "inbound", facts.inbound() == null ? List.of() : facts.inbound().attempts(), classifier, out);
            attempts(doc.source(), "direct", facts.directTest() == null ? List.of() : facts.directTest().attempts(), classifier, out);
            bounces(doc.source(), facts.bouncesOrEmpty(), expertise, out);
            return out;
        }
        MessageSource.Message m = (MessageSource.Message) item;
        if (m.unreadable() != null) {
            return null;
        }
        try {
            NdrReading reading = NdrReader.read(m.bytes());
            bounces(m.source(), reading.bounces(), expertise, out);
            return out;
        } catch (NdrException | RuntimeException e) {
            return null;
        }
    }

    private static void attempts(String source, String placement, List<DeliveryAttempt> attempts, ReplyClassifier classifier, List<Heard> out) {
        for (DeliveryAttempt a : attempts) {
            for (SmtpExchange x : a.replies()) {
                out.add(heard(source, placement, x.stage().name(), x.reply(), classifier));
            }
        }
    }

    private static Heard heard(String source, String placement, String stage, String raw, ReplyClassifier classifier) {
        SmtpReply p = SmtpReply.parse(raw);
        boolean failure = p.code() == 0 || p.code() >= 400;
        boolean known = !failure || classifier.classify(new Reply(placement, 0, 0, stage, p.code(), p.enhancedCode(), p.text(), raw)) != null;
        return new Heard(new UnknownReplies.Seen(source, placement, stage, raw), known);
    }

    /** A bounce's reply is known when a code other than the catch-all takes it. */
    private static void bounces(String source, List<BounceFacts> bounces, Expertise expertise, List<Heard> out) {
        for (BounceFacts b : bounces) {
            boolean known = expertise.rules().replies().classify(ReplyClassifier.bounceReply(0, b)) != null;
            if (known) {
                List<String> codes = expertise.report(FactsDocument.ofBounces(null, Instant.EPOCH, List.of(b)), Language.EN)
                        .warnings().stream().map(ReportWarning::code).toList();
                known = !CATCH_ALL.containsAll(codes);
            }
            out.add(new Heard(new UnknownReplies.Seen(source, "bounce", null, b.reply()), known));
        }
    }

    private static String text(List<UnknownReplies.Group> groups, List<String> categories) {
        if (groups.isEmpty()) {
            return "Every reply seen is known to smtp-replies.yaml.\n";
        }
        StringBuilder out = new StringBuilder("Categories of rules/smtp-replies.yaml: ").append(String.join(", ", categories)).append("\n\n");
        for (UnknownReplies.Group g : groups) {
            out.append(String.format("%,d x  [%s%s] %s%s %s%n", g.count(), String.join(", ", g.placements()),
                    g.stages().isEmpty() ? "" : " " + String.join(", ", g.stages()), g.code() == 0 ? "" : g.code() + " ",
                    g.enhanced() == null ? "" : g.enhanced(), g.template()));
            for (UnknownReplies.Seen s : g.examples()) {
                out.append("     e.g. ").append(s.source()).append(": \"").append(firstLine(s.raw())).append("\"\n");
            }
            out.append("     suggested entry for rules/smtp-replies.yaml (choose its category):\n");
            out.append(g.suggestion("       ")).append('\n');
        }
        return out.toString();
    }

    private static String yaml(List<UnknownReplies.Group> groups, List<String> categories) {
        StringBuilder out = new StringBuilder("# Paste under patterns: in rules/smtp-replies.yaml, give each a category, then run exdiag rules check.\n"
                + "# Categories: " + String.join(", ", categories) + "\n");
        for (UnknownReplies.Group g : groups) {
            out.append("  # ").append(g.count()).append(" seen, e.g. ").append(g.examples().get(0).source()).append(": ")
                    .append(firstLine(g.examples().get(0).raw()).replace("\n", " ")).append('\n');
            out.append(g.suggestion("  ")).append('\n');
        }
        return out.toString();
    }

    private static String json(List<UnknownReplies.Group> groups, List<String> categories) throws JsonProcessingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (UnknownReplies.Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", g.count());
            m.put("code", g.code());
            m.put("enhanced", g.enhanced());
            m.put("template", g.template());
            m.put("placements", g.placements());
            m.put("stages", g.stages());
            m.put("examples", g.examples().stream().map(s -> Map.of("source", s.source(), "reply", s.raw())).toList());
            m.put("suggestion", g.suggestion(""));
            m.put("categories", categories);
            list.add(m);
        }
        return ReportWriter.json().writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n";
    }

    private static String firstLine(String raw) {
        int nl = raw.indexOf('\n');
        String line = nl < 0 ? raw : raw.substring(0, nl) + " …";
        return line.length() > 200 ? line.substring(0, 200) + " …" : line;
    }
}

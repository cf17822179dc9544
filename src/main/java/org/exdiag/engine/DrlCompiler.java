package org.exdiag.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exdiag.config.Problem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL sources into a rule base with Drools, and says what went wrong the way a rule author
 * reads it: the file, the line of the statement at fault (Drools names only the rule's first line for
 * an error in a consequence), one message per rule, no stack trace.
 */
final class DrlCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String CONSEQUENCE_ERROR = "Rule Compilation error";
    /** What a compiler message quotes: an identifier before "(", a variable, a type, or a token in quotes. */
    private static final Pattern CULPRIT = Pattern.compile(
            "The method (\\w+)\\(|^(\\$?\\w+) cannot be resolved|on token \"([^\"]+)\"|The method \\w+\\(.*\\) in the type \\w+ is not applicable|type mismatch: cannot convert from (\\w+)");

    private DrlCompiler() {
    }

    /** The rule base, or null with {@code problems} filled. */
    static KieBase compile(Map<String, String> drlSources, RuleCatalog catalog, List<Problem> problems) {
        KieServices kie = KieServices.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        // A fresh release per build: the container of an older build stays valid until collected.
        ReleaseId release = kie.newReleaseId("org.exdiag", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        Map<String, String> kfsToShown = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, String> drl : drlSources.entrySet()) {
            // Each file lives under the path of its package, which Drools expects.
            Matcher pkg = PACKAGE.matcher(drl.getValue());
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') : "default";
            String base = Path.of(drl.getKey()).getFileName().toString();
            String kfsPath = "src/main/resources/" + dir + "/" + (index++) + "-" + base;
            kfsToShown.put(kfsPath, drl.getKey());
            kfs.write(kfsPath, kie.getResources().newByteArrayResource(drl.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(kfsPath));
        }
        KieBuilder builder;
        try {
            builder = kie.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            // Drools' parallel build throws on some broken consequences instead of reporting them.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            problems.add(new Problem("rules", 0, "the rules do not compile: " + firstLine(root.getMessage())));
            return null;
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = message.getPath() == null ? "rules"
                    : kfsToShown.getOrDefault(message.getPath(), kfsToShown.getOrDefault("src/main/resources/" + message.getPath(), message.getPath()));
            String text = message.getText().strip().replace('\n', ' ');
            int line = Math.max(message.getLine(), 0);
            if (text.startsWith(CONSEQUENCE_ERROR)) {
                Optional<RuleCatalog.RuleInfo> rule = ruleAt(catalog, file, line);
                String detail = text.substring(CONSEQUENCE_ERROR.length()).strip();
                if (rule.isPresent()) {
                    if (!reported.add(file + "#" + rule.get().name())) {
                        continue; // the rest of one broken consequence repeats its first error
                    }
                    line = culpritLine(drlSources.get(file), rule.get(), detail);
                    text = "in the then part of rule \"" + rule.get().name() + "\": " + detail;
                } else {
                    text = "in a then part: " + detail;
                }
            }
            problems.add(new Problem(file, line, text));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return kie.newKieContainer(release).newKieBase(RuleSetLoader.kieBaseConfiguration());
    }

    private static Optional<RuleCatalog.RuleInfo> ruleAt(RuleCatalog catalog, String file, int line) {
        return catalog.rules().stream().filter(r -> r.file().equals(file) && r.line() == line).findFirst();
    }

    /** The consequence line that holds what the compiler quotes, else the consequence's first line. */
    static int culpritLine(String text, RuleCatalog.RuleInfo rule, String detail) {
        if (text == null) {
            return rule.consequenceLine();
        }
        Matcher m = CULPRIT.matcher(detail);
        String culprit = null;
        if (m.find()) {
            for (int g = 1; g <= m.groupCount() && culprit == null; g++) {
                culprit = m.group(g);
            }
        }
        String[] lines = text.split("\n", -1);
        if (culprit != null) {
            // the culprit as a whole word: "rais" is not in "raise"
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(culprit) + "(?![\\w$])");
            for (int i = rule.consequenceLine() - 1; i < lines.length; i++) {
                if (lines[i].strip().equals("end")) {
                    break;
                }
                if (word.matcher(lines[i]).find()) {
                    return i + 1;
                }
            }
        }
        return rule.consequenceLine();
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("").strip();
    }
}

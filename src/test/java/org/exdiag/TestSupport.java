package org.exdiag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.exdiag.config.LoadException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.Expertise;

/** The project's own rules and knowledge base, compiled once for all tests of a run. */
public final class TestSupport {
    public static final Path RULES = Path.of("rules");
    public static final Path KB = Path.of("knowledge-base");
    private static Expertise expertise;

    private TestSupport() {
    }

    public static synchronized Expertise expertise() {
        if (expertise == null) {
            try {
                expertise = Expertise.load(RULES, "rules", KB, "knowledge-base");
            } catch (LoadException e) {
                throw new AssertionError("the project's rules do not load:\n" + e.getMessage(), e);
            }
        }
        return expertise;
    }

    /** Copies a folder tree (a rules or knowledge-base folder a test then edits). */
    public static Path copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /**
     * A copy of the bundled rules with a comment added to one file, in {@code to}: rules as a support engineer's
     * edited folder is, compiled and cached, never taken from the executable model built with the application.
     */
    public static Path compiledCopyOfRules(Path to) throws java.io.IOException {
        copyTree(RULES, to);
        java.nio.file.Files.writeString(to.resolve("account.drl"), "\n// edited: compiled, not the built-in model\n",
                java.nio.file.StandardOpenOption.APPEND);
        return to;
    }

    /** The entries of a compiled-rules cache folder. */
    public static java.util.List<Path> cacheEntries(Path cacheFolder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(cacheFolder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bin")).toList();
        }
    }

    /**
     * A rule file that adds a warning code as data alone: {@code code} is raised, with evidence tag {@code tag} and
     * the check's detail, when the webmail check ended in error. NewCodeWithoutJavaTest and RulesCommandTest each
     * add one under names of their own, for the first's copy of the project runs the second with its rule bundled.
     */
    public static String webmailRule(String name, String code, String tag) {
        return """
                package exdiag;

                import org.exdiag.rules.*;
                import function org.exdiag.rules.Raise.raise;

                rule "%s"
                when
                    AuthAttempt( channel == "webmail", result == "error", $detail : detail )
                then
                    raise(drools, "%s", "probe", "%s", "detail", $detail);
                end
                """.formatted(name, code, tag);
    }

    public static FactsDocument yaml(String text) {
        try {
            return new FactsReader().read(text.getBytes(StandardCharsets.UTF_8), FactsFormat.YAML);
        } catch (FactsException e) {
            throw new AssertionError(e.getMessage() + " at " + e.field(), e);
        }
    }
}

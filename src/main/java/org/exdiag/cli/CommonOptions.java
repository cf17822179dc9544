package org.exdiag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.engine.Bundled;
import org.exdiag.engine.LoadException;
import org.exdiag.engine.Problem;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Expertise;
import org.exdiag.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command takes: where rules and texts come from, the language, the output format. */
final class CommonOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: ./rules, else the bundled copy).")
    Path rules;

    @Option(names = "--kb", paramLabel = "DIR",
            description = "Knowledge-base folder (default: ./knowledge-base, else the bundled copy).")
    Path kb;

    @Option(names = "--lang", paramLabel = "en|fr", defaultValue = "en",
            description = "Language of titles, explanations and remediation (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, yaml, jsonl or markdown (a help request for the provider's support).")
    String format;

    /** The --lang value, or a usage error naming the choices. */
    Language language(CommandLine cmd) {
        try {
            return Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }

    /** The --format value, {@code fallback} when not given, or a usage error naming the choices. */
    ReportFormat format(CommandLine cmd, ReportFormat fallback) {
        try {
            return format == null ? fallback : ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd,
                    "unknown format \"" + format + "\" (expected text, json, yaml, jsonl or markdown)");
        }
    }

    /** A folder given, else the one in the working directory, else the copy inside the application. */
    static Folder resolve(Path given, String defaultName) {
        if (given != null) {
            return new Folder(given, given.toString());
        }
        Path local = Path.of(defaultName);
        if (Files.isDirectory(local)) {
            return new Folder(local, defaultName);
        }
        return new Folder(Bundled.folder(defaultName), "(bundled) " + defaultName);
    }

    record Folder(Path path, String shown) {
    }

    Folder rulesFolder() {
        return resolve(rules, "rules");
    }

    Folder kbFolder() {
        return resolve(kb, "knowledge-base");
    }

    /** Loads rules and knowledge base, printing every problem on failure. */
    Expertise loadExpertise(PrintWriter err) throws LoadException {
        Folder r = rulesFolder();
        Folder k = kbFolder();
        try {
            return Expertise.load(r.path(), r.shown(), k.path(), k.shown());
        } catch (LoadException e) {
            for (Problem p : e.problems()) {
                err.println("error: " + p);
            }
            throw e;
        }
    }
}

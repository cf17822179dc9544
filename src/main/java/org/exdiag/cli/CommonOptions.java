package org.exdiag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.engine.Bundled;
import org.exdiag.engine.LoadException;
import org.exdiag.engine.Problem;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Expertise;
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

    Language language() {
        return Language.parse(lang);
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

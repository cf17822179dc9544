package org.exdiag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.engine.Bundled;
import picocli.CommandLine.Option;

/** Where rules and texts come from: every command that analyzes takes these. */
final class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: ./rules, else the bundled copy).")
    Path rules;

    @Option(names = "--kb", paramLabel = "DIR",
            description = "Knowledge-base folder (default: ./knowledge-base, else the bundled copy).")
    Path kb;

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

    /** Loads rules and knowledge base, printing every problem on failure; says which folders are in use. */
    Expertise loadExpertise(PrintWriter err, boolean sayWhich) throws LoadException {
        Folder r = rulesFolder();
        Folder k = kbFolder();
        try {
            Expertise expertise = Expertise.load(r.path(), r.shown(), k.path(), k.shown());
            if (sayWhich) {
                err.println("exdiag: rules " + r.shown() + " (" + expertise.rules().fingerprint() + "), knowledge base " + k.shown());
                err.flush();
            }
            return expertise;
        } catch (LoadException e) {
            for (Problem p : e.problems()) {
                err.println("error: " + p);
            }
            err.flush();
            throw e;
        }
    }
}

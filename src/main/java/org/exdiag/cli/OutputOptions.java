package org.exdiag.cli;

import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The language and format of reports: only commands that write reports take these. */
final class OutputOptions {
    @Option(names = "--lang", paramLabel = "en|fr", defaultValue = "en",
            description = "Language of every text of the report (default: ${DEFAULT-VALUE}).")
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
}

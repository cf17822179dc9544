package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What exdiag says about one mailbox (report-v1).
 *
 * @param collectedAt the clock the time rules used (an extension of report-v1)
 * @param language    the language of titles, explanations and remediation (an extension)
 * @param couldNotCheck live diagnostics only: sources that could not be read, e.g. the provider's API with
 *                    its error code (an extension)
 */
@JsonPropertyOrder({"version", "mailbox", "verdict", "rootCauses", "warnings", "collectedAt", "language", "couldNotCheck"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Report(int version, String mailbox, Verdict verdict, List<String> rootCauses,
                     List<ReportWarning> warnings, Instant collectedAt, String language, List<String> couldNotCheck) {
    public static final int VERSION = 1;

    /** The same report, with what a live diagnostic could not check (an extension of report-v1). */
    public Report withCouldNotCheck(List<String> problems) {
        return new Report(version, mailbox, verdict, rootCauses, warnings, collectedAt, language, List.copyOf(problems));
    }

    public Optional<ReportWarning> warning(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).findFirst();
    }
}

package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What exdiag says about one mailbox (report-v1).
 *
 * @param collectedAt the clock the time rules used (an extension of report-v1)
 * @param language    the language of titles, explanations and remediation (an extension)
 */
@JsonPropertyOrder({"version", "mailbox", "verdict", "rootCauses", "warnings", "collectedAt", "language"})
public record Report(int version, String mailbox, Verdict verdict, List<String> rootCauses,
                     List<ReportWarning> warnings, Instant collectedAt, String language) {
    public static final int VERSION = 1;

    public Optional<ReportWarning> warning(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).findFirst();
    }
}

package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What exdiag says about one mailbox (report-v2). {@code rootCauses}, {@code warnings} and
 * {@code couldNotCheck} are always present, empty when there is nothing to say.
 *
 * @param couldNotCheck what the facts listed as not checkable, and what the rules found could not be checked
 * @param collectedAt   the clock the time rules used (an extension)
 * @param language      the language of every text (an extension)
 */
@JsonPropertyOrder({"version", "mailbox", "verdict", "rootCauses", "warnings", "couldNotCheck", "collectedAt", "language"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int version, String mailbox, Verdict verdict, List<String> rootCauses, List<ReportWarning> warnings,
                     List<CouldNotCheck> couldNotCheck, Instant collectedAt, String language) {
    public static final int VERSION = 2;

    public Report {
        rootCauses = List.copyOf(rootCauses);
        warnings = List.copyOf(warnings);
        couldNotCheck = List.copyOf(couldNotCheck);
    }

    public Optional<ReportWarning> warning(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).findFirst();
    }
}

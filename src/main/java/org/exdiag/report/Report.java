package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What exdiag says about one mailbox (report v3; {@code mailbox} null when no address of the customer's is known). {@code rootCauses}, {@code warnings} and
 * {@code couldNotCheck} are always present, empty when there is nothing to say.
 *
 * @param couldNotCheck what the facts listed as not checkable, and what the rules found could not be checked
 * @param collectedAt   the clock the time rules used (an extension)
 * @param language      the language of every text (an extension)
 */
@JsonPropertyOrder({"version", "mailbox", "verdict", "rootCauses", "warnings", "couldNotCheck", "collectedAt", "language"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int version, @JsonInclude(JsonInclude.Include.ALWAYS) String mailbox, Verdict verdict, List<String> rootCauses, List<ReportWarning> warnings,
                     List<CouldNotCheck> couldNotCheck, Instant collectedAt, String language) {
    public static final int VERSION = 3;

    public Report {
        rootCauses = List.copyOf(rootCauses);
        warnings = List.copyOf(warnings);
        couldNotCheck = List.copyOf(couldNotCheck);
    }

    /** Whose report it is, for a heading: the mailbox, or the knowledge base's words for none. */
    String subject(org.exdiag.knowledge.Wording words) {
        return mailbox != null ? mailbox : words.word("report.noMailbox");
    }

    public Optional<ReportWarning> warning(String code) {
        return warnings.stream().filter(w -> w.code().equals(code)).findFirst();
    }
}

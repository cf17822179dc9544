package org.exdiag.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Why a warning code was raised, or why it was not: the rules that raise it, each with its conditions
 * in order, whether each held on the facts, and the facts concerned.
 *
 * @param code        the warning code asked about
 * @param mode        why or why-not
 * @param fired       whether the code was raised on these facts
 * @param rules       the rules concerned: for why, those that raised it; for why-not, every rule that can
 * @param explainedBy the links above the code (what explains it), with the rules that made them
 * @param explains    the links below it (what it explains)
 */
@JsonPropertyOrder({"code", "mode", "fired", "rules", "explainedBy", "explains"})
public record Explanation(String code, String mode, boolean fired, List<RuleTrace> rules, List<LinkTrace> explainedBy,
                          List<LinkTrace> explains) {

    /**
     * One rule: where it is, whether it fired, its conditions; {@code unsupported} says why it could not be
     * followed condition by condition (then the conditions are empty).
     */
    @JsonPropertyOrder({"rule", "file", "line", "fired", "conditions", "unsupported"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleTrace(String rule, String file, int line, boolean fired, List<ConditionTrace> conditions, String unsupported) {
    }

    /**
     * One condition as written: held true or false, or null when an earlier one did not (never tried). The
     * facts: those it matched when it held; for the first that did not, the facts of its type present (what
     * it compared), or a sentence saying there were none.
     */
    @JsonPropertyOrder({"text", "held", "facts"})
    public record ConditionTrace(String text, @JsonInclude(JsonInclude.Include.ALWAYS) Boolean held, List<String> facts) {
    }

    /** One link: the cause, the effect, and the rules that make it, each with whether it fired. */
    @JsonPropertyOrder({"cause", "effect", "rules"})
    public record LinkTrace(String cause, String effect, List<String> rules) {
    }
}

package org.exdiag.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.exdiag.knowledge.Severity;

/**
 * One warning of a report (report-v1/v2).
 *
 * @param evidence what the rules found, each rendered from its message tag in the report's language
 * @param rule     the rule that raised it (the first, when several did)
 * @param rules    every rule that raised it (an extension)
 */
@JsonPropertyOrder({"code", "severity", "title", "explanation", "remediation", "evidence", "explains", "explainedBy",
        "rule", "rules"})
public record ReportWarning(String code, Severity severity, String title, String explanation, List<String> remediation,
                            List<String> evidence, List<String> explains, List<String> explainedBy, String rule,
                            List<String> rules) {
}

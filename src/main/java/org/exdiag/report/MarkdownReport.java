package org.exdiag.report;

import java.util.stream.Collectors;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.MxRecord;
import org.exdiag.facts.SrvRecord;
import org.exdiag.knowledge.Language;

/**
 * A help request ready to paste into a ticket at the provider's support: the root causes with their
 * evidence, then a digest of the facts. Facts never hold secrets, and only server replies are shown.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report, FactsDocument facts, Language lang) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(Words.of("helpTitle", lang)).append(' ').append(report.mailbox()).append("\n\n");
        out.append("**").append(Words.of("verdict", lang)).append(":** ").append(Words.of(report.verdict().wire(), lang))
                .append("  \n**").append(Words.of("collected", lang)).append(":** ").append(report.collectedAt()).append("\n\n");
        out.append("### ").append(Words.of("rootCauses", lang)).append("\n\n");
        if (report.rootCauses().isEmpty()) {
            out.append(Words.of("noWarning", lang)).append("\n\n");
        }
        for (ReportWarning w : report.warnings()) {
            boolean root = w.explainedBy().isEmpty();
            out.append(root ? "- **" : "  - ").append(w.code()).append(root ? "**" : "").append(" (").append(w.severity().wire())
                    .append("): ").append(w.title());
            if (!w.explains().isEmpty()) {
                out.append(" — ").append(Words.of("explains", lang)).append(' ').append(String.join(", ", w.explains()));
            }
            out.append('\n');
            for (String e : w.evidence()) {
                out.append(root ? "  - " : "    - ").append(escape(e)).append('\n');
            }
        }
        if (!report.couldNotCheck().isEmpty()) {
            out.append("\n**").append(Words.of("couldNotCheck", lang)).append(":**\n");
            report.couldNotCheck().forEach(p -> out.append("- ").append(escape(p)).append('\n'));
        }
        out.append("\n### ").append(Words.of("facts", lang)).append("\n\n");
        digest(out, facts, lang);
        out.append("\n_").append(Words.of("generated", lang)).append("_\n");
        return out.toString();
    }

    private static void digest(StringBuilder out, FactsDocument f, Language lang) {
        String none = Words.of("notProbed", lang);
        if (f.expect() != null) {
            out.append("- Setup: offer ").append(f.expect().offer() == null ? "?" : f.expect().offer().wire())
                    .append(", mail ").append(f.expect().mailSetup() == null ? "?" : f.expect().mailSetup().wire())
                    .append(f.expect().privateHost() == null ? "" : ", private host " + f.expect().privateHost()).append('\n');
        }
        DnsLookup<MxRecord> mx = f.dns() == null ? null : f.dns().mx();
        out.append("- MX: ").append(mx == null ? none : mx.status().wire() + " " + mx.records().stream()
                .map(r -> r.preference() + " " + r.host()).collect(Collectors.joining(", "))).append('\n');
        DnsLookup<SrvRecord> srv = f.dns() == null ? null : f.dns().autodiscoverSrv();
        out.append("- Autodiscover SRV: ").append(srv == null ? none : srv.status().wire() + " " + srv.records().stream()
                .map(r -> r.priority() + " " + r.weight() + " " + r.port() + " " + r.target())
                .collect(Collectors.joining(", "))).append('\n');
        if (f.account() != null) {
            out.append("- Account: state ").append(f.account().state() == null ? "?" : f.account().state().wire())
                    .append(", spam blocked ").append(f.account().spamBlocked())
                    .append(", locked ").append(f.account().locked())
                    .append(f.account().lockedUntil() == null ? "" : " until " + f.account().lockedUntil())
                    .append(f.account().subscriptionExpiresAt() == null ? "" : ", subscription ends " + f.account().subscriptionExpiresAt())
                    .append('\n');
        }
        if (f.provider() != null) {
            var p = f.provider();
            out.append("- Provider's diagnosis (").append(p.lastCheck()).append("): MX valid ").append(p.isMxValid())
                    .append(", SRV valid ").append(p.isSrvValid()).append(", spammer ").append(p.isSpammer())
                    .append(", suspended ").append(p.isSuspended()).append(", locked ").append(p.isLocked())
                    .append(", can send ").append(p.canSendEmail()).append(", can receive ").append(p.canReceiveEmail())
                    .append(", OWA ").append(p.connectiveOWA()).append('\n');
        }
        if (f.auth() != null) {
            out.append("- Login: webmail ").append(auth(f.auth().webmail())).append(", IMAP ").append(auth(f.auth().imap())).append('\n');
        }
        if (f.smtp() != null) {
            out.append("- SMTP ").append(f.smtp().host()).append(':').append(f.smtp().port()).append(": connect ")
                    .append(f.smtp().connect() == null ? "?" : f.smtp().connect().wire()).append('\n');
            if (!f.smtp().replies().isEmpty()) {
                out.append("\n```\n");
                f.smtp().replies().forEach(r -> out.append(r.stage()).append(": ").append(fence(r.reply()).replace("\n", "\n    ")).append('\n'));
                out.append("```\n\n");
            }
        }
        if (f.testEmail() != null) {
            out.append("- Test emails: sent ").append(f.testEmail().sent()).append(", received ").append(f.testEmail().received())
                    .append(f.testEmail().waitedSeconds() == null ? "" : " (waited " + f.testEmail().waitedSeconds() + " s)").append('\n');
        }
    }

    private static String auth(AuthCheck check) {
        return check == null ? "-" : check.result().wire() + (check.detail() == null ? "" : " (" + check.detail() + ")");
    }

    /** Evidence quotes server texts: keep Markdown from interpreting them. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    private static String fence(String text) {
        return text.replace("```", "` ` `");
    }

}

package org.exdiag.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.exdiag.facts.AccountFlags;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.DeliveryAttempt;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.SendingIpFacts;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.ProviderDiagnosis;
import org.exdiag.facts.SmtpExchange;
import org.exdiag.facts.WireEnum;
import org.exdiag.knowledge.Wording;

/**
 * The facts of a help request, in the reader's language: one line per section probed, values through
 * the knowledge base's vocabularies (never a raw {@code null}), the servers' replies quoted as they
 * came. A section that was not probed says so.
 */
final class FactsDigest {
    private final StringBuilder out;
    private final Wording words;

    private FactsDigest(StringBuilder out, Wording words) {
        this.out = out;
        this.words = words;
    }

    static void write(StringBuilder out, FactsDocument f, Wording words) {
        new FactsDigest(out, words).all(f);
    }

    private void all(FactsDocument f) {
        if (f.expect() != null) {
            line("digest.setup", field("digest.offer", vocab("offer", f.expect().offer())),
                    field("digest.mailSetup", vocab("mail-setup", f.expect().mailSetup())),
                    f.expect().privateHost() == null ? null : field("digest.privateHost", f.expect().privateHost()));
        }
        DnsFacts dns = f.dns();
        line("digest.mx", dns == null || dns.mx() == null ? notProbed() : lookup(dns.mx().status(),
                dns.mx().records().stream().map(r -> r.preference() + " " + r.host()).toList()));
        line("digest.srv", dns == null || dns.autodiscoverSrv() == null ? notProbed() : lookup(dns.autodiscoverSrv().status(),
                dns.autodiscoverSrv().records().stream().map(r -> r.priority() + " " + r.weight() + " " + r.port() + " " + r.target()).toList()));
        if (dns != null && dns.autodiscoverHost() != null) {
            var h = dns.autodiscoverHost();
            List<String> shown = new ArrayList<>();
            if (h.cname() != null) {
                shown.add("CNAME " + h.cname());
            }
            shown.addAll(h.addresses());
            line("digest.autodiscoverHost", lookup(h.status(), shown));
        }
        if (dns != null && dns.spf() != null) {
            var spf = dns.spf();
            line("digest.spf", lookup(spf.status(), spf.records().stream().map(r -> "`" + fence(r) + "`").toList()),
                    spf.dnsLookups() == null ? null : field("digest.dnsLookups", spf.dnsLookups() + ""),
                    spf.voidLookups() == null ? null : field("digest.voidLookups", spf.voidLookups() + ""),
                    spf.error() == null ? null : field("digest.error", spf.error()),
                    spf.checks().isEmpty() ? null : field("digest.spfChecks", spf.checks().stream()
                            .map(c -> c.ip() + " " + vocab("spf-result", c.result())).collect(Collectors.joining(", "))));
        }
        if (dns != null && dns.dmarc() != null) {
            line("digest.dmarc", lookup(dns.dmarc().status(), dns.dmarc().records().stream().map(r -> "`" + fence(r) + "`").toList()));
        }
        if (dns != null && dns.dkim() != null) {
            if (dns.dkim().isEmpty()) {
                line("digest.dkim", words.word("digest.noSelector"));
            }
            for (DkimSelectorFacts d : dns.dkim()) {
                line("digest.dkim", d.selector(), lookup(d.status(), d.cname() == null ? List.of() : List.of("CNAME " + d.cname())),
                        d.expectedCname() == null ? null : field("digest.expectedCname", d.expectedCname()),
                        d.providerStatus() == null ? null : field("digest.providerStatus", vocab("dkim-status", d.providerStatus())));
            }
        }
        account(f.account());
        provider(f.provider());
        if (f.auth() != null) {
            line("digest.logins", field("digest.webmail", auth(f.auth().webmail())), field("digest.imap", auth(f.auth().imap())));
        }
        if (f.smtp() != null) {
            line("digest.outbound", (f.smtp().host() == null ? "" : f.smtp().host() + ":" + f.smtp().port()),
                    field("digest.connect", vocab("connect", f.smtp().connect())));
            replies(f.smtp().replies());
        }
        if (f.inbound() != null) {
            line("digest.inbound", field("digest.accepted", vocab("yes-no", f.inbound().accepted())));
            f.inbound().attempts().forEach(this::attempt);
        }
        if (f.directTest() != null) {
            var d = f.directTest();
            line("digest.directTest", d.host(), field("digest.accepted", vocab("yes-no", d.accepted())),
                    field("digest.received", vocab("yes-no", d.received())),
                    d.waitedSeconds() == null ? null : field("digest.waited", d.waitedSeconds() + " s"));
            d.attempts().forEach(this::attempt);
        }
        if (f.testEmail() != null) {
            line("digest.testEmails", field("digest.sent", vocab("yes-no", f.testEmail().sent())),
                    field("digest.received", vocab("yes-no", f.testEmail().received())),
                    f.testEmail().waitedSeconds() == null ? null : field("digest.waited", f.testEmail().waitedSeconds() + " s"));
        }
        if (f.sendingIp() != null) {
            for (SendingIpFacts ip : f.sendingIp()) {
                line("digest.sendingIp", ip.address(), field("digest.ptr", lookup(ip.ptr().status(), ip.ptr().names())),
                        ip.forwardConfirmed() == null ? null : field("digest.forwardConfirmed", vocab("yes-no", ip.forwardConfirmed())),
                        ip.lists().isEmpty() ? null : field("digest.blockLists", ip.lists().stream()
                                .map(l -> l.zone() + " " + vocab("block-list-status", l.status())).collect(Collectors.joining(", "))));
            }
        }
        for (BounceFacts b : f.bouncesOrEmpty()) {
            line("digest.bounce", b.recipient() == null ? null : field("digest.recipient", b.recipient()),
                    b.remoteMta() == null ? null : field("digest.remoteMta", b.remoteMta()),
                    b.receivedAt() == null ? null : field("digest.receivedAt", b.receivedAt().toString()));
            out.append("\n```\n").append(fence(b.reply()).replace("\n", "\n    ")).append("\n```\n\n");
        }
    }

    private void account(AccountFlags a) {
        if (a == null) {
            line("digest.account", notProbed());
            return;
        }
        line("digest.account", field("digest.state", vocab("account-state", a.state())),
                field("digest.spamBlocked", vocab("yes-no", a.spamBlocked())),
                field("digest.locked", vocab("yes-no", a.locked())),
                a.lockedUntil() == null ? null : field("digest.lockedUntil", a.lockedUntil().toString()),
                a.subscriptionExpiresAt() == null ? null : field("digest.subscriptionEnds", a.subscriptionExpiresAt().toString()),
                a.mailboxQuota() == null ? null : field("digest.quota", bytes(a.mailboxQuota().usedBytes()) + " / "
                        + bytes(a.mailboxQuota().limitBytes())));
    }

    private void provider(ProviderDiagnosis p) {
        if (p == null) {
            return;
        }
        line("digest.provider", p.lastCheck() == null ? null : field("digest.lastCheck", p.lastCheck().toString()),
                field("digest.mxValid", vocab("yes-no", p.isMxValid())), field("digest.srvValid", vocab("yes-no", p.isSrvValid())),
                field("digest.spammer", vocab("yes-no", p.isSpammer())), field("digest.suspended", vocab("yes-no", p.isSuspended())),
                field("digest.locked", vocab("yes-no", p.isLocked())), field("digest.canSend", vocab("yes-no", p.canSendEmail())),
                field("digest.canReceive", vocab("yes-no", p.canReceiveEmail())), field("digest.owa", vocab("yes-no", p.connectiveOWA())));
    }

    private void attempt(DeliveryAttempt a) {
        out.append("  - ").append(a.host()).append(a.address() == null ? "" : " (" + a.address() + (a.port() == null ? "" : ":" + a.port()) + ")")
                .append(words.colon()).append(vocab("connect", a.connect())).append('\n');
        replies(a.replies());
    }

    private void replies(List<SmtpExchange> replies) {
        if (replies.isEmpty()) {
            return;
        }
        out.append("\n```\n");
        replies.forEach(r -> out.append(r.stage()).append(": ").append(fence(r.reply()).replace("\n", "\n    ")).append('\n'));
        out.append("```\n\n");
    }

    private void line(String label, String... parts) {
        String shown = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining("; "));
        out.append("- **").append(words.word(label)).append(words.colon().stripTrailing()).append("** ").append(shown).append('\n');
    }

    private String field(String label, String value) {
        return words.word(label) + words.colon() + value;
    }

    private String lookup(WireEnum status, List<String> records) {
        String s = vocab("lookup-status", status);
        return records.isEmpty() ? s : s + words.colon() + String.join(", ", records);
    }

    private String vocab(String vocabulary, Object value) {
        return words.value(vocabulary, value instanceof WireEnum w ? w.wire() : value);
    }

    private String auth(AuthCheck check) {
        return check == null ? notProbed() : vocab("auth-result", check.result()) + (check.detail() == null ? "" : " (" + check.detail() + ")");
    }

    private String notProbed() {
        return words.word("digest.notProbed");
    }

    private String bytes(Long n) {
        if (n == null) {
            return words.word("value.unknown");
        }
        return n >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", n / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
    }

    private static String fence(String text) {
        return text.replace("```", "` ` `");
    }
}

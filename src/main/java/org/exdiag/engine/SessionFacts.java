package org.exdiag.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.facts.AccountFlags;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.MxRecord;
import org.exdiag.facts.ProviderDiagnosis;
import org.exdiag.facts.SmtpExchange;
import org.exdiag.facts.SmtpFacts;
import org.exdiag.facts.SmtpReply;
import org.exdiag.facts.SrvRecord;
import org.exdiag.facts.WireEnum;
import org.exdiag.rules.Account;
import org.exdiag.rules.AuthAttempt;
import org.exdiag.rules.AutodiscoverSrv;
import org.exdiag.rules.Clock;
import org.exdiag.rules.Expect;
import org.exdiag.rules.ExpectedValues;
import org.exdiag.rules.Mailbox;
import org.exdiag.rules.MxHost;
import org.exdiag.rules.MxLookup;
import org.exdiag.rules.Provider;
import org.exdiag.rules.Reply;
import org.exdiag.rules.ReplyClass;
import org.exdiag.rules.SmtpSession;
import org.exdiag.rules.SrvLookup;
import org.exdiag.rules.TestEmail;

/**
 * Turns a facts document into the flat facts the rules match. Values are normalized (wire names, host
 * case and final dot), absent sections insert nothing, and each SMTP reply gets the category of the
 * first pattern of smtp-replies.yaml that matches it ({@link ReplyClassifier}): what that category means
 * where the reply was heard is the rules' decision.
 */
final class SessionFacts {
    private SessionFacts() {
    }

    static List<Object> of(FactsDocument doc, RuleSet rules, Instant clock) {
        List<Object> facts = new ArrayList<>();
        ExpectedValues expected = rules.expectedValues();
        facts.add(expected);
        facts.add(new Clock(clock));
        facts.add(new Mailbox(doc.mailbox(), Hosts.normalize(doc.domain())));
        facts.add(expect(doc.expect(), expected));
        if (doc.dns() != null) {
            addMx(doc.dns().mx(), facts);
            addSrv(doc.dns().autodiscoverSrv(), facts);
        }
        if (doc.account() != null) {
            AccountFlags a = doc.account();
            facts.add(new Account(wire(a.state()), a.spamBlocked(), a.locked(), a.lockedUntil(), a.subscriptionExpiresAt()));
        }
        if (doc.provider() != null) {
            ProviderDiagnosis p = doc.provider();
            facts.add(new Provider(p.lastCheck(), p.isMxValid(), p.isSrvValid(), p.isSpammer(), p.isSuspended(),
                    p.isLocked(), p.canSendEmail(), p.canReceiveEmail(), p.connectiveOWA()));
        }
        if (doc.auth() != null) {
            addAuth("webmail", doc.auth().webmail(), facts);
            addAuth("imap", doc.auth().imap(), facts);
        }
        if (doc.smtp() != null) {
            addSmtp(doc.smtp(), rules.replies(), facts);
        }
        if (doc.testEmail() != null) {
            facts.add(new TestEmail(doc.testEmail().sent(), doc.testEmail().received(), doc.testEmail().waitedSeconds()));
        }
        return facts;
    }

    private static Expect expect(Expectation e, ExpectedValues expected) {
        String privateHost = e == null ? null : Hosts.normalize(e.privateHost());
        String offer = e != null && e.offer() != null ? e.offer().wire()
                : privateHost != null ? "private" : expected.defaultOffer();
        String setup = e != null && e.mailSetup() != null ? e.mailSetup().wire() : expected.defaultMailSetup();
        return new Expect(offer, setup, privateHost);
    }

    private static void addMx(DnsLookup<MxRecord> mx, List<Object> facts) {
        if (mx == null) {
            return;
        }
        facts.add(new MxLookup(mx.status().wire(), mx.records().size()));
        for (MxRecord r : mx.records()) {
            facts.add(new MxHost(r.preference(), Hosts.normalize(r.host()), r.host()));
        }
    }

    private static void addSrv(DnsLookup<SrvRecord> srv, List<Object> facts) {
        if (srv == null) {
            return;
        }
        facts.add(new SrvLookup(srv.status().wire(), srv.records().size()));
        for (SrvRecord r : srv.records()) {
            facts.add(new AutodiscoverSrv(r.priority(), r.weight(), r.port(), Hosts.normalize(r.target())));
        }
    }

    private static void addAuth(String channel, AuthCheck check, List<Object> facts) {
        if (check != null) {
            facts.add(new AuthAttempt(channel, check.result().wire(), check.detail()));
        }
    }

    private static void addSmtp(SmtpFacts smtp, ReplyClassifier classifier, List<Object> facts) {
        facts.add(new SmtpSession(Hosts.normalize(smtp.host()), smtp.port(), wire(smtp.connect())));
        List<SmtpExchange> replies = smtp.replies();
        for (int i = 0; i < replies.size(); i++) {
            SmtpExchange exchange = replies.get(i);
            SmtpReply parsed = exchange.parsed();
            Reply reply = new Reply("submission", i, exchange.stage().name(), parsed.code(), parsed.enhancedCode(),
                    parsed.text(), exchange.reply());
            facts.add(reply);
            ReplyClass meaning = classifier.classify(reply);
            if (meaning != null) {
                facts.add(meaning);
            }
        }
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }
}

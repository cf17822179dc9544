package org.exdiag.engine;

import org.exdiag.replies.ReplyClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.facts.AccountFlags;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.SendingIpFacts;
import org.exdiag.facts.BounceKind;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.DeliveryAttempt;
import org.exdiag.facts.DirectTestFacts;
import org.exdiag.facts.MailboxQuota;
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
import org.exdiag.rules.BlockListAnswer;
import org.exdiag.rules.SendingIp;
import org.exdiag.rules.AuthAttempt;
import org.exdiag.rules.AutodiscoverSrv;
import org.exdiag.rules.Bounce;
import org.exdiag.rules.CouldNotCheck;
import org.exdiag.rules.Delivery;
import org.exdiag.rules.DirectTest;
import org.exdiag.rules.InboundTest;
import org.exdiag.rules.Clock;
import org.exdiag.rules.Expect;
import org.exdiag.expected.ExpectedValues;
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
        facts.add(rules.links());
        facts.add(new Clock(clock));
        facts.add(new Mailbox(doc.mailbox(), Hosts.normalize(doc.domainChecked())));
        facts.add(expect(doc.expect(), expected));
        if (doc.dns() != null) {
            addMx(doc.dns().mx(), facts);
            addSrv(doc.dns().autodiscoverSrv(), facts);
            DomainRecordFacts.add(doc.dns(), facts);
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
        if (doc.account() != null && doc.account().mailboxQuota() != null) {
            MailboxQuota q = doc.account().mailboxQuota();
            facts.add(new org.exdiag.rules.MailboxQuota(q.usedBytes(), q.limitBytes()));
        }
        if (doc.inbound() != null) {
            facts.add(new InboundTest(doc.inbound().accepted(), doc.inbound().attempts().size()));
            addDeliveries("inbound", doc.inbound().attempts(), rules.replies(), facts);
        }
        if (doc.directTest() != null) {
            DirectTestFacts d = doc.directTest();
            facts.add(new DirectTest(Hosts.normalize(d.host()), d.accepted(), d.received(), d.waitedSeconds()));
            addDeliveries("direct", d.attempts(), rules.replies(), facts);
        }
        if (doc.testEmail() != null) {
            facts.add(new TestEmail(doc.testEmail().sent(), doc.testEmail().received(), doc.testEmail().waitedSeconds()));
        }
        for (SendingIpFacts ip : doc.sendingIp() == null ? List.<SendingIpFacts>of() : doc.sendingIp()) {
            facts.add(new SendingIp(ip.address(), ip.ptr().status().wire(), ip.ptr().names().stream().map(Hosts::normalize).toList(),
                    ip.forwardConfirmed()));
            ip.lists().forEach(l -> facts.add(new BlockListAnswer(ip.address(), Hosts.normalize(l.zone()), l.status().wire(),
                    l.answers(), l.text())));
        }
        ClientSessionFacts.add(doc.client(), facts);
        List<BounceFacts> bounces = doc.bouncesOrEmpty();
        for (int i = 0; i < bounces.size(); i++) {
            BounceFacts b = bounces.get(i);
            facts.add(new Bounce(i, Hosts.normalize(b.remoteMta()), b.recipient(), b.receivedAt(),
                    b.kind() == null ? BounceKind.REFUSED.wire() : b.kind().wire(), b.status()));
            addReply(ReplyClassifier.bounceReply(i, b), rules.replies(), facts);
        }
        for (CouldNotCheckFacts c : doc.couldNotCheckOrEmpty()) {
            facts.add(new CouldNotCheck(c.part(), c.reason()));
        }
        return facts;
    }

    private static void addDeliveries(String placement, List<DeliveryAttempt> attempts, ReplyClassifier classifier,
                                      List<Object> facts) {
        int index = 0;
        for (int a = 0; a < attempts.size(); a++) {
            DeliveryAttempt attempt = attempts.get(a);
            facts.add(new Delivery(placement, a, Hosts.normalize(attempt.host()), attempt.address(), attempt.port(),
                    attempt.connect().wire()));
            for (SmtpExchange exchange : attempt.replies()) {
                SmtpReply parsed = exchange.parsed();
                addReply(new Reply(placement, index++, a, exchange.stage().name(), parsed.code(), parsed.enhancedCode(),
                        parsed.text(), exchange.reply()), classifier, facts);
            }
        }
    }

    /** The reply, and what it means by the first pattern of smtp-replies.yaml that matches it. */
    private static void addReply(Reply reply, ReplyClassifier classifier, List<Object> facts) {
        facts.add(reply);
        ReplyClass meaning = classifier.classify(reply);
        if (meaning != null) {
            facts.add(meaning);
        }
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
            addReply(new Reply("submission", i, 0, exchange.stage().name(), parsed.code(), parsed.enhancedCode(),
                    parsed.text(), exchange.reply()), classifier, facts);
        }
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }
}

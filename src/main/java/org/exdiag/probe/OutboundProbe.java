package org.exdiag.probe;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.SmtpExchange;
import org.exdiag.facts.SmtpFacts;

/**
 * The outbound test: authenticated submission of a tagged email from the mailbox to itself, keeping
 * every server reply with its stage. Never throws: a failure is in the facts.
 */
public final class OutboundProbe extends Probe<OutboundProbe.Result> {
    private final Endpoint server;
    private final TlsMode tls;
    private final Duration timeout;
    private final String heloName;

    public OutboundProbe(Endpoint server, TlsMode tls, Duration timeout, String heloName) {
        super("outbound test", "smtp");
        this.server = server;
        this.tls = tls;
        this.timeout = timeout;
        this.heloName = heloName;
    }

    /** The outbound test of a run's settings. */
    static OutboundProbe of(DiagnosticSettings s) {
        return new OutboundProbe(s.smtp(), s.smtpTls(), s.connectTimeout(), s.heloName());
    }

    @Override
    protected CompletableFuture<Result> start(ProbeRun run) {
        return CompletableFuture.supplyAsync(() -> send(run.mailbox(), run.password()), run.pool());
    }

    @Override
    protected Result notFinished(ProbeRun run) {
        return new Result(new SmtpFacts(server.host(), server.port(), ConnectResult.TIMEOUT, List.of()), null,
                "not finished within the diagnostic's time");
    }

    @Override
    protected Result failed(ProbeRun run) {
        return new Result(new SmtpFacts(server.host(), server.port(), ConnectResult.ERROR, List.of()), null, "error");
    }

    @Override
    protected void fill(FactsBuilder facts, Result seen, ProbeRun run) {
        facts.smtp = seen.smtp();
        facts.sent = seen.sent();
        facts.testEmailProbed = true;
    }

    @Override
    protected String outcome(Result r) {
        return Boolean.TRUE.equals(r.sent()) ? "sent" : "not sent (" + r.failure() + ")";
    }

    /** What the submission showed, and whether the message was accepted. */
    public record Result(SmtpFacts smtp, Boolean sent, String failure) {
    }

    public Result send(String mailbox, Secret password) {
        Session session = Session.getInstance(MailProps.smtp(tls, timeout, true, false, heloName));
        RecordingSmtpTransport transport = new RecordingSmtpTransport(session, tls == TlsMode.IMPLICIT);
        String tag = TestMessages.newTag("outbound");
        ConnectResult connect = ConnectResult.OK;
        Boolean sent;
        String failure = null;
        try {
            MimeMessage message = TestMessages.build(session, mailbox, mailbox, tag, "outbound test, sent to itself");
            transport.connect(server.host(), server.port(), mailbox, password.reveal());
            transport.sendMessage(message, new Address[] {message.getAllRecipients()[0]});
            sent = true;
        } catch (MessagingException | RuntimeException e) {
            sent = false;
            failure = Failures.describe(e);
            if (transport.replies().isEmpty() || Failures.isNetworkFailure(e)) {
                // Nothing was heard, or the connection broke off (reset, timeout, TLS) without a final
                // reply: the server could not be used, which says nothing about the account.
                connect = Failures.connectResult(e);
            }
        } finally {
            transport.closeQuietly();
        }
        List<SmtpExchange> replies = transport.replies();
        return new Result(new SmtpFacts(server.host(), server.port(), connect, replies), sent, failure);
    }
}

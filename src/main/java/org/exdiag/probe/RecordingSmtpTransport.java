package org.exdiag.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.exdiag.facts.SmtpExchange;
import org.exdiag.facts.SmtpStage;

/**
 * Angus Mail's SMTP transport, keeping every server reply with the stage it answered. The stage is
 * read from the first word of each command; the command itself is never kept (AUTH PLAIN carries the
 * credentials), only what the server said.
 */
final class RecordingSmtpTransport extends SMTPTransport {
    /** A reply longer than this is cut: a misbehaving server must not fill memory or a facts file. */
    private static final int MAX_REPLY_CHARS = 4096;

    private final List<SmtpExchange> replies = new ArrayList<>();
    private volatile SmtpStage stage = SmtpStage.CONNECT;

    RecordingSmtpTransport(Session session, boolean implicitTls) {
        super(session, new URLName(implicitTls ? "smtps" : "smtp", null, -1, null, null, null),
                implicitTls ? "smtps" : "smtp", implicitTls);
    }

    /** Ends the session if it is still open: the test is over, and a failing QUIT changes nothing. */
    void closeQuietly() {
        try {
            if (isConnected()) {
                close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // what was heard is kept; the connection goes anyway
        }
    }

    synchronized List<SmtpExchange> replies() {
        return List.copyOf(replies);
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        SmtpStage next = stageOf(command);
        if (next != null) {
            stage = next;
        }
        super.sendCommand(command);
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        stage = SmtpStage.CONNECT;
        return super.protocolConnect(host, port, user, password);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        stage = SmtpStage.END_OF_DATA;
        super.finishData();
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        try {
            return super.readServerResponse();
        } finally {
            String reply = getLastServerResponse();
            if (reply != null && !reply.isBlank()) {
                String trimmed = reply.strip();
                if (trimmed.length() > MAX_REPLY_CHARS) {
                    trimmed = trimmed.substring(0, MAX_REPLY_CHARS) + " [cut at " + MAX_REPLY_CHARS + " characters]";
                }
                synchronized (this) {
                    replies.add(new SmtpExchange(stage, trimmed));
                }
            }
        }
    }

    private static SmtpStage stageOf(String command) {
        String verb = command.length() >= 4 ? command.substring(0, 4).toUpperCase(Locale.ROOT) : command.toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "EHLO", "HELO" -> SmtpStage.EHLO;
            case "STAR" -> SmtpStage.STARTTLS;
            case "AUTH" -> SmtpStage.AUTH;
            case "MAIL" -> SmtpStage.MAIL;
            case "RCPT" -> SmtpStage.RCPT;
            case "DATA", "BDAT" -> SmtpStage.DATA;
            case "QUIT" -> SmtpStage.QUIT;
            default -> null;
        };
    }
}

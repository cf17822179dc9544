package org.exdiag.probe;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.DeliveryAttempt;

/**
 * Delivers a tagged email to the mailbox as an outside sender would (no authentication, TLS when
 * offered), through the given MX hosts in order, and records every attempt: the host, the address, how
 * connecting ended, every reply with its stage. It stops at the first host that accepts. What a refusal
 * means is the rules' decision, never this probe's.
 */
public final class InboundProbe {
    private final int mxPort;
    private final Duration timeout;
    private final String heloName;
    private final AddressPolicy policy;

    public InboundProbe(int mxPort, Duration timeout, String heloName, AddressPolicy policy) {
        this.mxPort = mxPort;
        this.timeout = timeout;
        this.heloName = heloName;
        this.policy = policy;
    }

    /** One MX host and the addresses the resolver gave for it. */
    public record Target(String host, List<InetAddress> addresses) {
    }

    /** Every attempt in order, and whether one was accepted (2xx after the data). */
    public record Result(List<DeliveryAttempt> attempts, boolean accepted) {
    }

    public Result deliver(String mailbox, String tag, List<Target> targets, String purpose) {
        Session session = Session.getInstance(MailProps.smtp(TlsMode.NONE, timeout, false, true, heloName));
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (Target target : targets) {
            if (target.addresses().isEmpty()) {
                attempts.add(new DeliveryAttempt(target.host(), null, mxPort, ConnectResult.UNRESOLVED, List.of()));
            }
            for (InetAddress address : target.addresses()) {
                if (!policy.allows(address)) {
                    // An address inside the network, refused so that the service cannot scan it: not tried.
                    attempts.add(new DeliveryAttempt(target.host(), address.getHostAddress(), mxPort, ConnectResult.ERROR, List.of()));
                    continue;
                }
                RecordingSmtpTransport transport = new RecordingSmtpTransport(session, false);
                ConnectResult connect = ConnectResult.OK;
                boolean accepted = false;
                try {
                    MimeMessage message = TestMessages.build(session, mailbox, mailbox, tag, purpose);
                    transport.connect(address.getHostAddress(), mxPort, null, null);
                    transport.sendMessage(message, new Address[] {message.getAllRecipients()[0]});
                    accepted = true;
                } catch (MessagingException | RuntimeException e) {
                    if (transport.replies().isEmpty() || Failures.isNetworkFailure(e) && !endsWithRefusal(transport)) {
                        connect = Failures.connectResult(e);
                    }
                } finally {
                    transport.closeQuietly();
                }
                attempts.add(new DeliveryAttempt(target.host(), address.getHostAddress(), mxPort, connect, transport.replies()));
                if (accepted) {
                    return new Result(List.copyOf(attempts), true);
                }
            }
        }
        return new Result(List.copyOf(attempts), false);
    }

    /** The server refused in SMTP (its last reply a failure) before the connection broke off. */
    private static boolean endsWithRefusal(RecordingSmtpTransport transport) {
        var replies = transport.replies();
        return !replies.isEmpty() && replies.get(replies.size() - 1).parsed().isFailure();
    }
}

package org.exdiag.probe;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The inbound test, first half: deliver a tagged email to the mailbox through the domain's MX hosts,
 * in preference order, as an outside sender would (no authentication, TLS when offered).
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

    /**
     * Where the message was accepted (null when nowhere), whether some MX host refused it in SMTP
     * (as opposed to none being reachable), and what happened on each try.
     */
    public record Result(String acceptedBy, boolean refused, List<String> attempts) {
        public boolean delivered() {
            return acceptedBy != null;
        }
    }

    public Result deliver(String mailbox, String tag, List<Target> targets) {
        Session session = Session.getInstance(MailProps.smtp(TlsMode.NONE, timeout, false, true, heloName));
        List<String> attempts = new java.util.ArrayList<>();
        boolean refused = false;
        for (Target target : targets) {
            if (target.addresses().isEmpty()) {
                attempts.add(target.host() + ": no address");
            }
            for (InetAddress address : target.addresses()) {
                if (!policy.allows(address)) {
                    attempts.add(target.host() + " (" + address.getHostAddress() + "): address not allowed by policy");
                    continue;
                }
                SMTPTransport transport = new SMTPTransport(session, null);
                String where = target.host() + " (" + address.getHostAddress() + ":" + mxPort + ")";
                try {
                    MimeMessage message = TestMessages.build(session, mailbox, mailbox, tag, "inbound test, delivered through the MX");
                    transport.connect(address.getHostAddress(), mxPort, null, null);
                    transport.sendMessage(message, new Address[] {message.getAllRecipients()[0]});
                    attempts.add(where + ": accepted");
                    return new Result(target.host(), false, attempts);
                } catch (MessagingException | RuntimeException e) {
                    attempts.add(where + ": " + Failures.describe(e));
                    refused |= !Failures.isNetworkFailure(e);
                } finally {
                    try {
                        transport.close();
                    } catch (MessagingException | RuntimeException ignored) {
                        // next host
                    }
                }
            }
        }
        return new Result(null, refused, attempts);
    }
}

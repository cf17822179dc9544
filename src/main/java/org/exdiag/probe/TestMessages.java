package org.exdiag.probe;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;

/** The uniquely tagged emails the diagnostic sends; the tag in the subject is what the receipt check looks for. */
final class TestMessages {
    static final String TAG_HEADER = "X-Exdiag-Test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestMessages() {
    }

    static String newTag(String kind) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "exdiag-" + kind + "-" + HexFormat.of().formatHex(bytes);
    }

    static MimeMessage build(Session session, String from, String to, String tag, String purpose) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("exdiag test " + tag);
        message.setHeader(TAG_HEADER, tag);
        message.setSentDate(new Date());
        message.setText("This message was sent by exdiag, a mailbox diagnostic (" + purpose + ").\n"
                + "It can be deleted.\n", "UTF-8");
        message.saveChanges();
        return message;
    }
}

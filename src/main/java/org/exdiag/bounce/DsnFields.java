package org.exdiag.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * The fields of a delivery status notification (RFC 3464; RFC 6533's message/global-delivery-status
 * alike), read with Angus Mail's own DSN support: the per-message fields, then one block per recipient.
 * Also reads the same fields when a mail system (or a forward) put them into the text of the message.
 */
final class DsnFields {
    /** Where DSN fields start in a plain text: a recipient field at the start of a line. */
    private static final Pattern IN_TEXT = Pattern.compile("(?im)^(?:Final|Original)-Recipient:");
    private static final Pattern STATUS_COMMENT = Pattern.compile("^\\s*[245]\\.[0-9.]+\\s*\\((.{3,})\\)\\s*$");
    /** Domains only a site's own network knows: a final recipient there is an internal routing form. */
    private static final Pattern INTERNAL_DOMAIN = Pattern.compile("(?i)(?:^|\\.)(?:local|localdomain|internal|lan|intra|intranet|corp|private|localhost)$");
    private static final Pattern TYPED = Pattern.compile("^\\s*([A-Za-z0-9-]+)\\s*;\\s*(.*)$", Pattern.DOTALL);

    private DsnFields() {
    }

    /** The per-message fields and the recipients of a message/delivery-status part. */
    static Dsn read(InputStream part) throws IOException, MessagingException {
        DeliveryStatus status = new DeliveryStatus(part);
        InternetHeaders perMessage = status.getMessageDSN();
        List<DsnRecipient> recipients = new ArrayList<>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            recipient(status.getRecipientDSN(i)).ifPresent(recipients::add);
        }
        if (recipients.isEmpty()) {
            // No blank line between the per-message and the per-recipient fields: one block holds both.
            recipient(perMessage).ifPresent(recipients::add);
        }
        return new Dsn(untyped(field(perMessage, "Reporting-MTA")), untyped(field(perMessage, "X-Postfix-Sender")), recipients);
    }

    /** DSN fields written into a text part, when there are any. */
    static Dsn fromText(String text) {
        Matcher start = IN_TEXT.matcher(text);
        if (!start.find()) {
            return null;
        }
        List<DsnRecipient> recipients = new ArrayList<>();
        for (String block : text.substring(start.start()).split("\\n[ \\t]*\\n")) {
            if (!IN_TEXT.matcher(block).find()) {
                continue;
            }
            try {
                InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream((block.strip() + "\n\n").getBytes(StandardCharsets.UTF_8)));
                recipient(fields).ifPresent(recipients::add);
            } catch (MessagingException e) {
                // a block that is no header block: not DSN fields after all
            }
        }
        return recipients.isEmpty() ? null : new Dsn(null, null, recipients);
    }

    private static java.util.Optional<DsnRecipient> recipient(InternetHeaders fields) {
        String recipient = recipientOf(Addresses.clean(untyped(field(fields, "Final-Recipient"))),
                Addresses.clean(untyped(field(fields, "Original-Recipient"))));
        if (recipient == null) {
            recipient = Addresses.clean(untyped(field(fields, "X-Actual-Recipient")));
        }
        String action = field(fields, "Action");
        String statusField = field(fields, "Status");
        String diagnosticField = replyField(fields, "Diagnostic-Code");
        if (recipient == null && action == null && statusField == null && diagnosticField == null) {
            return java.util.Optional.empty();
        }
        String diagnostic = diagnosticField;
        if (diagnosticField != null) {
            Matcher typed = TYPED.matcher(diagnosticField); // "smtp;", "X-Postfix;": the words after the type
            if (typed.matches()) {
                diagnostic = typed.group(2).strip();
            }
        }
        if (diagnostic == null && statusField != null) {
            // "Status: 5.0.0 (recipient reached disk quota)": the only words some mail systems give.
            Matcher comment = STATUS_COMMENT.matcher(statusField);
            diagnostic = comment.find() ? comment.group(1).strip() : null;
        }
        return java.util.Optional.of(new DsnRecipient(action == null ? null : action.strip(), recipient,
                Statuses.first(statusField), blankToNull(diagnostic), untyped(field(fields, "Remote-MTA"))));
    }

    /**
     * The recipient as the customer wrote it: the Final-Recipient, unless it is no address (an X.400 name)
     * or an internal routing form of the Original-Recipient (a host of its domain, a host with no domain).
     */
    private static String recipientOf(String fin, String original) {
        if (fin == null || original == null || fin.equals(original)) {
            return fin != null ? fin : original;
        }
        String finalDomain = Addresses.domain(fin);
        String originalDomain = Addresses.domain(original);
        return finalDomain.endsWith("." + originalDomain) || INTERNAL_DOMAIN.matcher(finalDomain).find() ? original : fin;
    }

    private static String field(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, null);
        return value == null ? null : utf8(MimeUtility.unfold(value)).strip();
    }

    /**
     * A field quoting a server's reply: a folded line that starts with a reply code is a line of a
     * multi-line reply ("550-5.1.1 ...", "550 5.1.1 ..."), kept apart; other folds are unfolded.
     */
    private static String replyField(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, null);
        if (value == null) {
            return null;
        }
        String lines = value.replaceAll("\\r?\\n[ \\t]+(?=[245][0-9][0-9][ -])", "\u0000");
        return utf8(MimeUtility.unfold(lines)).replace('\u0000', '\n').strip();
    }

    /** "rfc822; someone@example.net" to "someone@example.net"; "dns; mx.example.net" to "mx.example.net". */
    private static String untyped(String value) {
        if (value == null) {
            return null;
        }
        Matcher typed = TYPED.matcher(value);
        return blankToNull(typed.matches() ? typed.group(2).strip() : value.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Header values are read as ISO-8859-1; a global DSN (RFC 6533) writes UTF-8. Where the bytes are valid
     * UTF-8, read them so.
     */
    private static String utf8(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /** A DSN: the reporting MTA, the sender Postfix names, and the recipients. */
    record Dsn(String reportingMta, String sender, List<DsnRecipient> recipients) {
    }
}

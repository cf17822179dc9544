package org.exdiag.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.BounceKind;

/**
 * Reads what a customer forwards after mail to a correspondent bounced: a whole message (a DSN, RFC 3464,
 * with its message/delivery-status or message/global-delivery-status part; or the prose of any mail
 * system), or just the remote server's text. Gives one bounce per refused recipient: the recipient, the
 * server's own reply (else the mail system's words), the enhanced status, the server that answered and
 * how the delivery ended; and the customer's address when the message names it. Auto-replies and
 * notices of delivery or delay are told apart: they are no bounce.
 */
public final class NdrReader {
    /** Longest message taken: a bounce quotes at most the original message, or a part of it. */
    public static final int MAX_BYTES = 4 << 20;
    private static final int MAX_BOUNCES = 100;
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final Pattern HEADER_START = Pattern.compile("(?s)^(?:[\\x21-\\x39\\x3B-\\x7E]+:[^\\n]*\\n(?:[ \\t][^\\n]*\\n)*){2,}.*");
    private static final Pattern KNOWN_HEADER = Pattern.compile("(?im)^(?:content-type|from|to|subject|date|received|return-path|message-id|mime-version):");
    private static final Session SESSION;

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader every time it reads headers
        // (jakartaee/mail-api#861): a scan of the class path per header block, most of a bounce's reading
        // time. Named here, it is one class lookup instead. Left alone when someone already chose one.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        SESSION = Session.getInstance(mailProperties());
    }

    private NdrReader() {
    }

    private static Properties mailProperties() {
        Properties p = new Properties();
        // Bounces are often broken MIME: read what can be read instead of failing.
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /** What a message, or a pasted text, says. */
    public static NdrReading read(byte[] message) throws NdrException {
        if (message.length > MAX_BYTES) {
            throw new NdrException("larger than " + MAX_BYTES + " bytes: not a bounce");
        }
        int start = afterBlankLines(message);
        String head = new String(message, start, Math.min(message.length - start, 8192), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        if (looksLikeMessage(head)) {
            try {
                MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(message, start, message.length - start));
                return fromMessage(MessageParts.of(mime), received(mime), true);
            } catch (MessagingException | IOException | RuntimeException e) {
                // A message too broken for MIME: read its bytes as text below.
            }
        }
        return fromText(MessageParts.decode(message, null));
    }

    /** Where the first line that is not blank starts: some saved messages open with empty lines. */
    private static int afterBlankLines(byte[] message) {
        int lineStart = 0;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\n') {
                lineStart = i + 1;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return lineStart;
            }
        }
        return 0;
    }

    private static boolean looksLikeMessage(String head) {
        String h = head.stripLeading();
        if (h.startsWith("From ")) { // an mbox "From " line before the headers
            int nl = h.indexOf('\n');
            h = nl < 0 ? "" : h.substring(nl + 1);
        }
        return HEADER_START.matcher(h).matches() && KNOWN_HEADER.matcher(h).find();
    }

    private static Instant received(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static NdrReading fromMessage(MessageParts parts, Instant received, boolean mayOpenAttached) {
        NoticeText notice = NoticeText.of(parts.notice.toString());
        List<DsnRecipient> dsn = new ArrayList<>();
        String dsnSender = null;
        for (DsnFields.Dsn d : parts.dsns) {
            dsn.addAll(d.recipients());
            dsnSender = dsnSender != null ? dsnSender : Addresses.clean(d.sender());
        }
        if (dsn.isEmpty()) {
            DsnFields.Dsn inText = DsnFields.fromText(notice.text);
            if (inText != null) {
                dsn.addAll(inText.recipients());
            }
        }
        List<String> customers = CustomerAddress.candidates(parts, dsnSender, notice.originalHeaders);
        String mailbox = CustomerAddress.of(customers);
        Set<String> notRecipients = new HashSet<>(customers);
        if (!dsn.isEmpty() && dsn.stream().noneMatch(DsnRecipient::failed)) {
            return dsn.stream().allMatch(DsnRecipient::notAFailure) || BounceSigns.isDeliveredOrDelayed(BounceSigns.subject(parts), notice.text)
                    ? NdrReading.notABounce("the delivery status notification reports no failure (delayed or delivered)")
                    : NdrReading.bounce(fromDsn(dsn, ProseRefusals.read(notice.text, notRecipients), notice, received), mailbox);
        }
        List<ProseRefusals.Refusal> prose = ProseRefusals.read(notice.text, notRecipients);
        List<BounceFacts> bounces = dsn.isEmpty() ? fromProse(prose, notice, received)
                : fromDsn(dsn.stream().filter(DsnRecipient::failed).toList(), prose, notice, received);
        if (!bounces.isEmpty() && (dsn.isEmpty() || bounces.stream().anyMatch(b -> b.recipient() != null))) {
            if (dsn.isEmpty() && (BounceSigns.isAutoReply(parts, notice.text) || BounceSigns.isDeliveredOrDelayed(BounceSigns.subject(parts), notice.text)
                    || !BounceSigns.looksLikeBounce(parts, notice.text))) {
                return NdrReading.notABounce("an auto-reply, a notice of delivery or delay, or a message of a person: not a failure");
            }
            return NdrReading.bounce(bounces, mailbox);
        }
        MessageParts forwarded = mayOpenAttached ? parts.attachedBounce() : null;
        if (forwarded != null) {
            // A bounce forwarded as an attachment: the attached message says what happened.
            NdrReading inner = fromMessage(forwarded, received(forwarded.message), false);
            if (inner.isBounce()) {
                return NdrReading.bounce(inner.bounces(), mailbox != null ? mailbox : inner.mailbox());
            }
        }
        if (BounceSigns.isAutoReply(parts, notice.text) || BounceSigns.isDeliveredOrDelayed(BounceSigns.subject(parts), notice.text)
                || !BounceSigns.looksLikeBounce(parts, notice.text)) {
            return NdrReading.notABounce("an auto-reply or a notice of delivery or delay, not a failure");
        }
        // A failure report that names no recipient and quotes no reply: its own words are all there is.
        String words = notice.gist();
        if (words == null) {
            words = BounceSigns.subject(parts).isBlank() ? "the message was not delivered" : BounceSigns.subject(parts);
        }
        return NdrReading.bounce(List.of(bounce(words, null, null, received, false, Statuses.first(notice.text), false, words)), mailbox);
    }

    /** Pasted text: the refusals its prose names, else the reply lines it holds, else the text itself. */
    private static NdrReading fromText(String text) {
        NoticeText notice = NoticeText.of(text);
        List<BounceFacts> bounces = fromProse(ProseRefusals.read(notice.text, Set.of()), notice, null);
        if (bounces.isEmpty() && !notice.text.isBlank() && notice.text.strip().length() < 2000) {
            bounces = List.of(bounce(notice.text.strip(), null, null, null, false, null, false, null));
        }
        return bounces.isEmpty() ? NdrReading.notABounce("no refusal found in it") : NdrReading.bounce(bounces, null);
    }

    /**
     * Each failed recipient of a DSN: its reply from the Diagnostic-Code when it quotes a server, else what
     * the prose says of the recipient, with the DSN's own words after it; else what the notice says.
     */
    private static List<BounceFacts> fromDsn(List<DsnRecipient> failed, List<ProseRefusals.Refusal> prose, NoticeText notice,
                                             Instant received) {
        List<BounceFacts> out = new ArrayList<>();
        for (DsnRecipient r : failed) {
            ProseRefusals.Refusal said = proseFor(r.recipient(), prose, failed.size());
            RefusalText.Found words = said == null ? null : said.found();
            String reply = null;
            boolean quotesServer = false;
            if (r.diagnostic() != null) {
                String server = RefusalText.serverReply(r.diagnostic());
                // A reply code in the diagnostic is a server's reply, whatever its type says ("X-Postfix; host x
                // said: 550 ...": the sending MTA's words around the receiver's).
                quotesServer = server != null;
                reply = server != null ? server : r.diagnostic();
            }
            if (!quotesServer && words != null && words.reply() != null) {
                if (words.quotesServer()) {
                    reply = words.reply();
                    quotesServer = true;
                } else if (reply == null || !words.reply().toLowerCase(java.util.Locale.ROOT).contains(reply.toLowerCase(java.util.Locale.ROOT))) {
                    reply = reply == null ? words.reply() : words.reply() + "\n" + reply; // the notice's words first: they say more
                }
            }
            if (reply == null) {
                String server = RefusalText.serverReply(notice.text);
                quotesServer = server != null;
                reply = server != null ? server : notice.gist();
            }
            if (reply == null) {
                reply = r.status() != null ? r.status() : "failed";
            }
            String recipient = r.recipient() != null ? r.recipient() : said != null ? said.recipient() : null;
            String mta = RefusalText.host(r.remoteMta());
            if (mta == null && words != null) {
                mta = words.remoteMta();
            }
            if (mta == null && r.diagnostic() != null) {
                mta = RefusalText.remoteMta(r.diagnostic());
            }
            String status = r.status() != null && !(r.status().endsWith(".0.0") && Statuses.first(reply) != null) ? r.status() : Statuses.first(reply);
            boolean gaveUp = r.action() != null && r.failed() && r.status() != null && r.status().startsWith("4");
            out.add(bounce(reply, mta, recipient, received, quotesServer, status, gaveUp, notice.gist()));
        }
        return dedupe(out);
    }

    /** What the prose says of a recipient; with one recipient and one refusal in the prose, that refusal. */
    private static ProseRefusals.Refusal proseFor(String recipient, List<ProseRefusals.Refusal> prose, int recipients) {
        for (ProseRefusals.Refusal r : prose) {
            if (r.recipient().equals(recipient)) {
                return r;
            }
        }
        return recipients == 1 && prose.size() == 1 ? prose.get(0) : null;
    }

    /**
     * The recipients the prose names, each with its refusal (a recipient with no words of its own takes the
     * reply the notice quotes, else the notice's words); or, naming none, the one reply the text quotes.
     */
    private static List<BounceFacts> fromProse(List<ProseRefusals.Refusal> prose, NoticeText notice, Instant received) {
        List<BounceFacts> out = new ArrayList<>();
        String gist = notice.gist();
        for (ProseRefusals.Refusal r : prose) {
            String reply = r.found().reply();
            boolean quotesServer = r.found().quotesServer();
            if (reply == null) {
                reply = RefusalText.serverReply(notice.text);
                quotesServer = reply != null;
            }
            if (reply == null) {
                reply = gist;
            }
            if (reply == null) {
                continue;
            }
            out.add(bounce(reply, r.found().remoteMta(), r.recipient(), received, quotesServer, r.found().status(), false, gist));
        }
        if (out.isEmpty()) {
            String reply = RefusalText.serverReply(notice.text);
            if (reply != null) {
                out.add(bounce(reply, RefusalText.remoteMta(notice.text), null, received, true, Statuses.first(notice.text), false, gist));
            }
        }
        return dedupe(out);
    }

    /**
     * @param context what the notice says as a whole: it may say that the sending side gave up ("was not
     *                delivered within 2 days") where the recipient's own words do not
     */
    private static BounceFacts bounce(String reply, String remoteMta, String recipient, Instant received, boolean quotesServer,
                                      String status, boolean gaveUp, String context) {
        BounceKind kind = BounceKinds.of(reply, quotesServer, status, gaveUp, context);
        String to = recipient == null || !recipient.contains("@") || recipient.length() > 320 ? null : recipient;
        return new BounceFacts(reply, RefusalText.host(remoteMta), to, received, kind, status);
    }

    private static List<BounceFacts> dedupe(List<BounceFacts> bounces) {
        List<BounceFacts> unique = new ArrayList<>(new LinkedHashSet<>(bounces));
        return unique.size() > MAX_BOUNCES ? List.copyOf(unique.subList(0, MAX_BOUNCES)) : unique;
    }
}

package org.exdiag.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exdiag.facts.BounceFacts;

/**
 * Reads what a customer forwards after mail to a correspondent was refused: a whole non-delivery
 * message (a DSN, RFC 3464; an Exchange NDR; a Gmail, Postfix or Exim bounce), or just the remote
 * server's text. Gives one bounce per refused recipient: the remote reply as the report quotes it, the
 * server that refused, the recipient and when. MIME structure and the DSN's fields are read with Angus
 * Mail; the prose of bounces that have no DSN is read by the sentences each mail system writes.
 */
public final class NdrReader {
    /** Longest NDR taken: a bounce quotes at most the original message's headers, or a part of it. */
    public static final int MAX_BYTES = 4 << 20;
    private static final int MAX_BOUNCES = 100;
    private static final int MAX_REPLY_CHARS = 4096;

    private static final Pattern EXCHANGE = Pattern.compile(
            "(?is)(?:^|\\n)\\s*([^\\s<>@]+@[^\\s<>]+?)\\s*(?:\\n\\s*([A-Za-z0-9.-]+\\.[A-Za-z]{2,})\\s*)?\\n\\s*Remote Server returned '([^']+)'");
    private static final Pattern EXCHANGE_ALONE = Pattern.compile("(?i)Remote Server returned '([^']+)'");
    private static final Pattern POSTFIX = Pattern.compile(
            "(?s)<([^>\\s]+@[^>\\s]+)>:\\s+host\\s+([^\\s\\[]+)\\[[^\\]]*\\]\\s+(?:said|refused to talk to me):\\s+(.+?)(?:\\s*\\(in\\s+reply\\s+to\\s[^)]*\\))?\\s*(?=\\n\\s*\\n|\\n<|\\z)");
    private static final Pattern EXIM_HOST = Pattern.compile("^\\s+host\\s+(\\S+)\\s+\\[[^\\]]*\\]:?\\s*(.*)$");
    private static final Pattern EXIM_ERROR = Pattern.compile("^\\s+SMTP error from remote mail server after [^:]*:(?:<[^>]*>:)?\\s*(.*)$");
    private static final Pattern ADDRESS_LINE = Pattern.compile("^\\s+<?([^\\s<>@]+@[^\\s<>]+?)>?\\s*$");
    private static final Pattern GMAIL = Pattern.compile("(?is)The response (?:from the remote server )?was:\\s*\\n(.+?)(?:\\n\\s*\\n|\\z)");
    private static final Pattern DELIVERED_TO = Pattern.compile("(?i)(?:wasn't|was not|couldn't be|could not be) delivered to\\s+<?([^\\s<>@]+@[^\\s<>,]+?)>?(?:[\\s,.]|$)");
    private static final Pattern REPLY_LINES = Pattern.compile("(?m)^\\s*([245][0-9]{2}[ -].*(?:\\n\\s*[245][0-9]{2}[ -].*)*)");
    private static final Pattern EXCHANGE_PREFIX = Pattern.compile("^<[^#]*#([245]\\.[0-9.]+)\\s+smtp;\\s*(.*?)>?$", Pattern.DOTALL);

    private NdrReader() {
    }

    /** The bounces an NDR holds; an empty list when nothing in it looks like a refusal. */
    public static List<BounceFacts> read(byte[] ndr) throws NdrException {
        if (ndr.length > MAX_BYTES) {
            throw new NdrException("larger than " + MAX_BYTES + " bytes: not a bounce");
        }
        String text = new String(ndr, StandardCharsets.UTF_8);
        if (looksLikeMessage(text)) {
            try {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(ndr));
                Instant received = received(message);
                List<BounceFacts> fromDsn = new ArrayList<>();
                StringBuilder prose = new StringBuilder();
                walk(message, fromDsn, prose, received, 0);
                if (!fromDsn.isEmpty()) {
                    return limit(fromDsn);
                }
                return limit(fromProse(prose.toString(), received));
            } catch (MessagingException | IOException | RuntimeException e) {
                // Not a message after all (or a broken one): read it as text.
            }
        }
        return limit(fromProse(text, null));
    }

    /** The address a bounce was sent to (the customer's mailbox), when the NDR is a whole message. */
    public static String addressedTo(byte[] ndr) {
        String text = new String(ndr, StandardCharsets.UTF_8);
        if (!looksLikeMessage(text)) {
            return null;
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(ndr));
            var to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return to != null && to.length > 0 && to[0] instanceof InternetAddress a ? a.getAddress() : null;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksLikeMessage(String text) {
        String head = text.length() > 4000 ? text.substring(0, 4000) : text;
        return head.matches("(?s)^(?:[A-Za-z0-9-]+:.*?\\n)+.*") && Pattern.compile("(?im)^(content-type|from|to|subject|date|received|return-path):")
                .matcher(head).find();
    }

    private static Instant received(MimeMessage message) throws MessagingException {
        Date date = message.getSentDate();
        return date == null ? null : date.toInstant();
    }

    private static void walk(Part part, List<BounceFacts> dsn, StringBuilder prose, Instant received, int depth)
            throws MessagingException, IOException {
        if (depth > 10) {
            return;
        }
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
            dsn.addAll(deliveryStatus(part.getInputStream(), received));
        } else if (type.startsWith("multipart/")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String childType = child.getContentType() == null ? "" : child.getContentType().toLowerCase(Locale.ROOT);
                if (childType.startsWith("message/rfc822") || childType.startsWith("text/rfc822-headers")) {
                    continue; // the original message: its words are the sender's, not the refusal's
                }
                walk(child, dsn, prose, received, depth + 1);
            }
        } else if (type.startsWith("text/html")) {
            prose.append(htmlToText(String.valueOf(part.getContent()))).append("\n\n");
        } else if (type.startsWith("text/") || depth == 0) {
            Object content = part.getContent();
            prose.append(content instanceof String s ? s : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .append("\n\n");
        }
    }

    /** The per-recipient fields of a DSN (RFC 3464): each failed recipient is a bounce. */
    static List<BounceFacts> deliveryStatus(InputStream in, Instant received) throws IOException, MessagingException {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<BounceFacts> bounces = new ArrayList<>();
        String[] blocks = body.split("\n\\s*\n");
        for (int i = 1; i < blocks.length; i++) { // the first block is about the whole message
            InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream((blocks[i].strip() + "\n\n").getBytes(StandardCharsets.UTF_8)));
            String action = field(fields, "Action");
            if (action != null && !action.toLowerCase(Locale.ROOT).startsWith("failed")) {
                continue; // delayed, delivered, relayed: not a refusal
            }
            String recipient = afterType(field(fields, "Final-Recipient"));
            if (recipient == null) {
                recipient = afterType(field(fields, "Original-Recipient"));
            }
            String diagnostic = afterType(field(fields, "Diagnostic-Code"));
            String status = field(fields, "Status");
            String reply = diagnostic != null ? cleanReply(diagnostic) : status;
            if (reply == null || reply.isBlank()) {
                continue;
            }
            bounces.add(bounce(reply, host(afterType(field(fields, "Remote-MTA"))), recipient, received));
        }
        return bounces;
    }

    private static String field(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    /** "rfc822; someone@example.net" to "someone@example.net"; "smtp; 550 ..." to "550 ...". */
    private static String afterType(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
    }

    /** Bounces of an NDR's prose: Exchange, Postfix, Exim, Gmail sentences, else the reply lines it quotes. */
    static List<BounceFacts> fromProse(String text, Instant received) {
        String t = text.replace("\r\n", "\n");
        List<BounceFacts> found = new ArrayList<>();
        Matcher exchange = EXCHANGE.matcher(t);
        while (exchange.find()) {
            found.add(bounce(cleanReply(exchange.group(3)), host(exchange.group(2)), exchange.group(1), received));
        }
        if (found.isEmpty()) {
            Matcher alone = EXCHANGE_ALONE.matcher(t);
            while (alone.find()) {
                found.add(bounce(cleanReply(alone.group(1)), null, null, received));
            }
        }
        if (!found.isEmpty()) {
            return dedupe(found);
        }
        Matcher postfix = POSTFIX.matcher(t);
        while (postfix.find()) {
            found.add(bounce(cleanReply(postfix.group(3).replaceAll("\\s*\\n\\s*", " ")), host(postfix.group(2)), postfix.group(1), received));
        }
        if (!found.isEmpty()) {
            return dedupe(found);
        }
        found.addAll(exim(t, received));
        if (!found.isEmpty()) {
            return dedupe(found);
        }
        Matcher gmail = GMAIL.matcher(t);
        if (gmail.find()) {
            Matcher to = DELIVERED_TO.matcher(t);
            found.add(bounce(cleanReply(gmail.group(1)), null, to.find() ? to.group(1) : null, received));
            return found;
        }
        Matcher lines = REPLY_LINES.matcher(t);
        while (lines.find()) {
            found.add(bounce(cleanReply(lines.group(1)), null, null, received));
        }
        if (found.isEmpty() && !t.isBlank() && t.strip().length() < 2000) {
            found.add(bounce(t.strip(), null, null, received)); // the remote server's text alone, without a code
        }
        return dedupe(found);
    }

    /** Exim: the recipient on its own indented line, then "host H [IP]", then the error and the reply lines. */
    private static List<BounceFacts> exim(String t, Instant received) {
        List<BounceFacts> found = new ArrayList<>();
        String[] lines = t.split("\n");
        String recipient = null;
        String host = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher address = ADDRESS_LINE.matcher(lines[i]);
            Matcher hostLine = EXIM_HOST.matcher(lines[i]);
            Matcher error = EXIM_ERROR.matcher(lines[i]);
            if (address.matches()) {
                recipient = address.group(1);
                host = null;
            } else if (hostLine.matches()) {
                host = hostLine.group(1);
                if (!hostLine.group(2).isBlank() && hostLine.group(2).matches("[245][0-9]{2}[ -].*")) {
                    found.add(bounce(cleanReply(hostLine.group(2)), host(host), recipient, received));
                }
            } else if (error.matches()) {
                StringBuilder reply = new StringBuilder(error.group(1).strip());
                for (int j = i + 1; j < lines.length && lines[j].startsWith("    ") && !lines[j].isBlank(); j++) {
                    reply.append(reply.length() == 0 ? "" : "\n").append(lines[j].strip());
                    i = j;
                }
                if (reply.length() > 0) {
                    found.add(bounce(cleanReply(reply.toString()), host(host), recipient, received));
                }
            }
        }
        return found;
    }

    /** Exchange's "<host #5.1.1 smtp;550 5.1.1 text>" to "550 5.1.1 text"; whitespace tidied; length bounded. */
    static String cleanReply(String reply) {
        String r = reply.strip();
        Matcher prefix = EXCHANGE_PREFIX.matcher(r);
        if (prefix.matches()) {
            r = prefix.group(2).strip();
        }
        if (r.startsWith("smtp;")) {
            r = r.substring(5).strip();
        }
        r = r.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n");
        return r.length() > MAX_REPLY_CHARS ? r.substring(0, MAX_REPLY_CHARS) + " [cut]" : r;
    }

    private static String host(String value) {
        if (value == null) {
            return null;
        }
        String h = value.strip();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.matches("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?") && h.contains(".") ? h : null;
    }

    private static BounceFacts bounce(String reply, String remoteMta, String recipient, Instant received) {
        String to = recipient == null || !recipient.contains("@") || recipient.length() > 320 ? null : recipient;
        return new BounceFacts(reply, remoteMta, to, received);
    }

    private static List<BounceFacts> dedupe(List<BounceFacts> bounces) {
        Set<BounceFacts> unique = new LinkedHashSet<>(bounces);
        return new ArrayList<>(unique);
    }

    private static List<BounceFacts> limit(List<BounceFacts> bounces) {
        return bounces.size() > MAX_BOUNCES ? List.copyOf(bounces.subList(0, MAX_BOUNCES)) : List.copyOf(bounces);
    }

    /** The words of an HTML NDR (Exchange sends them): tags dropped, entities and line breaks kept readable. */
    static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</li>|</h[1-6]>", "\n")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n");
    }
}

package org.exdiag.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bounce message taken apart with Angus Mail: its own headers, the delivery status parts, the words
 * the mail system wrote for people (plain text, else HTML read by {@link HtmlText}), and the headers of
 * the returned original. The returned original's body is never read: its words are the customer's.
 */
final class MessageParts {
    private static final int MAX_DEPTH = 10;
    /** The most text taken from one part: a bounce's own words are short; what is longer quotes the original. */
    private static final int MAX_TEXT = 256 * 1024;

    final MimeMessage message;
    final List<DsnFields.Dsn> dsns = new ArrayList<>();
    /** The human-readable parts, in order; each alternative group gives its plain text, else its HTML. */
    final StringBuilder notice = new StringBuilder();
    /** The returned original's headers (message/rfc822 or text/rfc822-headers), when attached. */
    InternetHeaders original;
    /** The first attached whole message: the returned original, or a bounce forwarded as an attachment. */
    Part attached;

    private MessageParts(MimeMessage message) {
        this.message = message;
    }

    static MessageParts of(MimeMessage message) throws MessagingException, IOException {
        MessageParts parts = new MessageParts(message);
        parts.walk(message, 0, false);
        return parts;
    }

    private void walk(Part part, int depth, boolean inAlternative) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        String type = baseType(part);
        if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
            try (InputStream in = part.getInputStream()) {
                dsns.add(DsnFields.read(in));
            } catch (MessagingException | IOException | RuntimeException e) {
                // A broken status part: the prose may still say what happened.
            }
        } else if (type.equals("message/rfc822") || type.equals("message/global") || type.equals("text/rfc822-headers")
                || type.equals("message/global-headers")) {
            if (original == null) {
                original = headersOf(part);
            }
            if (attached == null && !type.endsWith("headers")) {
                attached = part;
            }
        } else if (type.startsWith("multipart/")) {
            Multipart multipart = multipart(part);
            if (multipart == null) {
                return;
            }
            if (type.equals("multipart/alternative")) {
                walkAlternatives(multipart, depth);
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), depth + 1, inAlternative);
            }
        } else if (type.equals("text/html")) {
            appendNotice(HtmlText.of(text(part)));
        } else if (type.startsWith("text/") || depth == 0 || type.equals("application/octet-stream") && isInline(part)) {
            appendNotice(text(part));
        }
    }

    /**
     * The parts of a multipart. Angus Mail's DSN handler reads multipart/report strictly; a report it
     * refuses (no status part, parts out of order) is read as a plain multipart.
     */
    private static Multipart multipart(Part part) throws MessagingException, IOException {
        try {
            return part.getContent() instanceof Multipart m ? m : null;
        } catch (MessagingException | IOException | RuntimeException e) {
            MimeMultipart plain = new MimeMultipart(part.getDataHandler().getDataSource());
            plain.getCount(); // parses now, so that a broken body fails here
            return plain;
        }
    }

    /**
     * One version of an alternative group: its plain text, unless that is empty (some mail systems and
     * forwards leave it so), then its HTML, else whatever it holds.
     */
    private void walkAlternatives(Multipart alternatives, int depth) throws MessagingException, IOException {
        BodyPart plain = null;
        BodyPart html = null;
        BodyPart other = null;
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart p = alternatives.getBodyPart(i);
            String t = baseType(p);
            if (t.equals("text/plain") && plain == null) {
                plain = p;
            } else if (t.equals("text/html") && html == null) {
                html = p;
            } else if (other == null) {
                other = p;
            }
        }
        if (plain != null && !text(plain).isBlank()) {
            walk(plain, depth + 1, true);
        } else if (html != null) {
            walk(html, depth + 1, true);
        } else if (other != null) {
            walk(other, depth + 1, true);
        }
    }

    private void appendNotice(String text) {
        if (notice.length() < MAX_TEXT * 2) {
            notice.append(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text).append("\n\n");
        }
    }

    private static boolean isInline(Part part) throws MessagingException {
        return part.getDisposition() == null || part.getDisposition().equalsIgnoreCase(Part.INLINE);
    }

    static String baseType(Part part) {
        try {
            String raw = part.getContentType();
            return raw == null ? "text/plain" : new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    /** A text part in its declared charset; an unknown or missing charset falls back to UTF-8, then Latin-1. */
    static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT);
        } catch (IOException | RuntimeException e) {
            // A broken transfer encoding: the raw body, as the mail system wrote it.
            try (InputStream raw = rawStream(part)) {
                bytes = raw == null ? new byte[0] : raw.readNBytes(MAX_TEXT);
            }
        }
        return decode(bytes, charset(part));
    }

    private static InputStream rawStream(Part part) throws MessagingException {
        return part instanceof jakarta.mail.internet.MimePart mp && mp instanceof jakarta.mail.internet.MimeBodyPart body
                ? body.getRawInputStream() : part instanceof MimeMessage m ? m.getRawInputStream() : null;
    }

    private static String charset(Part part) {
        try {
            String raw = part.getContentType();
            return raw == null ? null : new ContentType(raw).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String decode(byte[] bytes, String charset) {
        if (Utf7.isUtf7(charset)) {
            return Utf7.decode(bytes);
        }
        if (charset != null) {
            try {
                return new String(bytes, Charset.forName(MimeUtility.javaCharset(charset.strip())));
            } catch (RuntimeException e) {
                // unknown charset: below
            }
        }
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') < 0 ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The headers of a returned original (a whole message, or its headers alone). */
    private static InternetHeaders headersOf(Part part) {
        try (InputStream in = part.getInputStream()) {
            byte[] head = in.readNBytes(64 * 1024);
            return new InternetHeaders(new ByteArrayInputStream(head));
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** The attached message, when it is itself a bounce (a bounce forwarded as an attachment); else null. */
    MessageParts attachedBounce() {
        if (attached == null) {
            return null;
        }
        try {
            MimeMessage inner = attached.getContent() instanceof MimeMessage m ? m
                    : new MimeMessage(message.getSession() == null ? null : message.getSession(), attached.getInputStream());
            MessageParts parts = of(inner);
            return !parts.dsns.isEmpty() || BounceSigns.looksLikeBounceSender(parts) ? parts : null;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    /** A header of the bounce itself, decoded (RFC 2047), or null. */
    String header(String name) {
        try {
            String value = message.getHeader(name, ", ");
            return value == null ? null : decodeHeader(value);
        } catch (MessagingException e) {
            return null;
        }
    }

    static String decodeHeader(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }
}

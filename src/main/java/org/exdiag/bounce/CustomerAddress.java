package org.exdiag.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Whose mail bounced, as the bounce itself says it (never guessed): the address the bounce was sent to,
 * else the address it was delivered to, else the sender the DSN names, else the returned original's
 * From or Return-Path. Mail systems' own addresses (postmaster, MAILER-DAEMON) and local names without
 * a domain are no customer's.
 */
final class CustomerAddress {
    private CustomerAddress() {
    }

    /** Every address the message gives for its customer, most telling first. */
    static List<String> candidates(MessageParts parts, String dsnSender, String inlineOriginalHeaders) {
        List<String> out = new ArrayList<>();
        add(out, parts.header("To"));
        add(out, parts.header("Delivered-To"));
        add(out, parts.header("X-Original-To"));
        add(out, parts.header("Envelope-To"));
        add(out, dsnSender);
        InternetHeaders original = parts.original != null ? parts.original : parse(inlineOriginalHeaders);
        if (original != null) {
            add(out, MessageParts.decodeHeader(String.valueOf(original.getHeader("From", ","))));
            add(out, MessageParts.decodeHeader(String.valueOf(original.getHeader("Return-Path", ","))));
            add(out, MessageParts.decodeHeader(String.valueOf(original.getHeader("Sender", ","))));
        }
        return out;
    }

    /** The customer's address: the first candidate that is a person's address. */
    static String of(List<String> candidates) {
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static void add(List<String> out, String value) {
        if (value == null || value.equals("null")) {
            return;
        }
        for (String piece : value.split(",")) {
            String address = Addresses.clean(piece);
            if (address != null && !Addresses.isSystem(address) && !out.contains(address)) {
                out.add(address);
                return;
            }
        }
    }

    private static InternetHeaders parse(String headers) {
        if (headers == null) {
            return null;
        }
        try {
            return new InternetHeaders(new ByteArrayInputStream((headers + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            return null;
        }
    }
}

package org.exdiag.bounce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refused recipients of a bounce written for people, whatever mail system wrote it: each address the
 * notice names (not the sender's, not a mail system's own) owns the lines from where it appears to where
 * another recipient appears; what those lines say is its refusal ({@link RefusalText}). No layout is
 * assumed beyond that: Exim, Postfix, Sendmail, qmail, Exchange, Gmail, Domino and others all write a
 * recipient, then why.
 */
final class ProseRefusals {
    /** Lines whose addresses are never recipients: the headers of a message, the notice's own fields. */
    private static final Pattern NOT_RECIPIENT_LINE = Pattern.compile(
            "(?i)^\\s*(?:from|sender|reply-to|return-path|message-id|in-reply-to|references|received|dkim-signature"
                    + "|authentication-results|reporting-mta|received-from-mta|x-[a-z0-9-]+|list-[a-z-]+|errors-to"
                    + "|original-envelope-id|envelope-from|smtp\\.mailfrom|mail ?from):.*");
    /** An address as the sender of the refused mail, not a recipient of it. */
    private static final String SENDER_CONTEXT = "(?i)(?:mail from:?\\s*<?|envelope[- ]from:?\\s*<?|sender:?\\s*<?|from:?\\s*<"
            + "|a message (?:sent )?by\\s*<?)\\s*$";
    private static final Pattern SENDER_BEFORE = Pattern.compile(SENDER_CONTEXT);
    /** The address a refused one was made from ("(ultimately generated from x)"): the same recipient, not another. */
    private static final Pattern SOURCE_BEFORE = Pattern.compile("(?i)(?:generated|expanded|forwarded|redirected|aliased) (?:from|by):?\\s*<?\\s*$");
    private static final Pattern SENDER_AFTER = Pattern.compile("(?i)^>?(?:\\.\\.\\.)?:?\\s*sender (?:address )?(?:rejected|refused|denied|unknown)");
    private static final int MAX_RECIPIENTS = 100;

    private ProseRefusals() {
    }

    /** A recipient and what the notice says about it. */
    record Refusal(String recipient, RefusalText.Found found) {
    }

    /** A header line such as a notice quotes the refused message's with (To, Subject, Sent, Date...). */
    private static final Pattern HEADER_LIKE = Pattern.compile("(?i)^\\s*(?:to|cc|from|subject|sent|date|message-id|reply-to):.*");
    /** A header line only a whole message's header block has: where it is, the block is the refused message's. */
    private static final Pattern ORIGINAL_HEADER = Pattern.compile("(?i)^\\s*(?:from|sent|date|message-id|reply-to):.*");

    /**
     * The recipients of a notice and their refusals, in the order the notice names them. The customer's
     * own addresses are no recipients, unless the notice names no other (mail sent to oneself).
     */
    static List<Refusal> read(String notice, Set<String> notRecipients) {
        List<Refusal> found = read(notice.split("\n", -1), notRecipients);
        return found.isEmpty() && !notRecipients.isEmpty() ? read(notice.split("\n", -1), Set.of()) : found;
    }

    private static List<Refusal> read(String[] lines, Set<String> notRecipients) {
        Map<String, List<List<String>>> regions = new LinkedHashMap<>();
        List<String> current = null;
        String owner = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String recipient = inHeaderBlock(lines, i) ? null : recipientIn(line, i > 0 ? lines[i - 1] : "", notRecipients, owner);
            if (recipient != null && !recipient.equals(owner)) {
                if (!regions.containsKey(recipient) && regions.size() >= MAX_RECIPIENTS) {
                    break;
                }
                owner = recipient;
                current = new ArrayList<>();
                regions.computeIfAbsent(owner, k -> new ArrayList<>()).add(current);
            }
            if (current != null && current.size() < 60) {
                current.add(line);
            }
        }
        List<Refusal> out = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> e : regions.entrySet()) {
            out.add(new Refusal(e.getKey(), best(e.getValue(), e.getKey())));
        }
        return out;
    }

    /**
     * Whether a line is one of the refused message's header lines a notice quotes ("To: x" beside
     * "Subject: y"): its addresses are the message's, not the refused recipients.
     */
    private static boolean inHeaderBlock(String[] lines, int i) {
        if (!HEADER_LIKE.matcher(lines[i]).matches()) {
            return false;
        }
        int from = i;
        while (from > 0 && HEADER_LIKE.matcher(lines[from - 1]).matches()) {
            from--;
        }
        int to = i;
        while (to + 1 < lines.length && HEADER_LIKE.matcher(lines[to + 1]).matches()) {
            to++;
        }
        for (int j = from; j <= to; j++) {
            if (ORIGINAL_HEADER.matcher(lines[j]).matches()) {
                return true; // "To:" beside "From:", "Sent:" or "Date:": the message's headers, quoted
            }
        }
        return false;
    }

    /** Of the places a recipient is named, the one that quotes a server's reply, else the first that says anything. */
    private static RefusalText.Found best(List<List<String>> places, String address) {
        RefusalText.Found firstWords = null;
        for (List<String> place : places) {
            RefusalText.Found found = RefusalText.of(place, address);
            if (found.quotesServer()) {
                return found;
            }
            if (firstWords == null && found.reply() != null) {
                firstWords = found;
            }
        }
        return firstWords != null ? firstWords : RefusalText.of(places.get(0), address);
    }

    /**
     * The first recipient address a line names: one of a person (not postmaster, not the customer's), not
     * the refused mail's sender, not in a header-like line. When the line names the recipient already
     * being read, that one, so that a transcript line does not switch to another.
     */
    private static String recipientIn(String line, String previous, Set<String> notRecipients, String owner) {
        if (NOT_RECIPIENT_LINE.matcher(line).matches() || line.indexOf('@') < 0) {
            return null;
        }
        Matcher m = Addresses.IN_TEXT.matcher(line);
        String first = null;
        while (m.find()) {
            String address = Addresses.normalize(m.group(1));
            if (address == null || address.startsWith("\"") || Addresses.isSystem(address) || notRecipients.contains(address)
                    || SENDER_BEFORE.matcher(line.substring(0, m.start())).find()
                    || line.substring(0, m.start()).isBlank() && SENDER_BEFORE.matcher(previous.stripTrailing()).find()
                    || owner != null && SOURCE_BEFORE.matcher(line.substring(0, m.start())).find()
                    || SENDER_AFTER.matcher(line.substring(m.end())).find()
                    || line.regionMatches(true, Math.max(0, m.start() - 7), "mailto:", 0, 7)) {
                continue;
            }
            if (address.equals(owner)) {
                return owner;
            }
            if (first == null) {
                first = address;
            }
        }
        return first;
    }
}

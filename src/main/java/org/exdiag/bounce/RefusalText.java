package org.exdiag.bounce;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bounce says about one recipient, taken from the lines it wrote about them: the remote server's
 * own reply (its code, enhanced code and text, without the envelope, host and transcript around it),
 * else the mail system's own words; the status code; the server that answered.
 */
final class RefusalText {
    /**
     * A reply code where a reply starts: at a line's start or after a space, a colon, a quote, a bracket,
     * '#' or ';' (never inside a number, an address or SIZE=1543), then a space, a dash or the end.
     */
    private static final Pattern CODE = Pattern.compile("(?:^|(?<=[\\s:;'\"(<#\\[]))([45][0-9][0-9])(?:(?=[ -]+[^\\s\\d.])|(?=-?[ ]?[245]\\.[0-9])|(?=\\s*$))", Pattern.MULTILINE);
    /** Exchange's "Remote Server returned '...'" and "#< #5.1.1 smtp;550 ...>" wrappers around the reply. */
    private static final Pattern RETURNED = Pattern.compile("(?is)(?:remote server returned|server returned)\\s*'(.+?)'(?:\\s|$)");
    private static final Pattern SMTP_SEMICOLON = Pattern.compile("(?i)smtp;\\s*([45][0-9][0-9](?:[ -].*)?)");
    private static final Pattern TRAILERS = Pattern.compile(
            "(?is)\\s*(?:\\(in reply to [^)]*\\)|\\(state [0-9]+\\)\\.?|##+|>\\s*$|'\\s*$)\\s*$");
    private static final Pattern EXCHANGE_HOST = Pattern.compile("<([A-Za-z0-9._-]+\\.[A-Za-z]{2,})\\s*#[245]\\.[0-9]");
    private static final List<Pattern> REMOTE_MTA = List.of(
            Pattern.compile("(?i)\\bhost\\s+([A-Za-z0-9._-]+\\.[A-Za-z]{2,})\\.?\\s*\\[[0-9A-Fa-f.:]+\\]"),
            Pattern.compile("(?i)\\b(?:by|from|at|to)\\s+([A-Za-z0-9._-]+\\.[A-Za-z]{2,})\\.?\\s*\\[[0-9A-Fa-f.:]+\\]"),
            Pattern.compile("(?i)\\bremote-mta:\\s*(?:dns;\\s*)?([A-Za-z0-9._-]+\\.[A-Za-z]{2,})"),
            Pattern.compile("(?i)while talking to ([A-Za-z0-9._-]+\\.[A-Za-z]{2,})\\.?:"),
            Pattern.compile("(?i)\\b(?:remote host|remote server|mail server|server|mailhost|mail exchanger)\\s+([A-Za-z0-9._-]+\\.[A-Za-z]{2,})\\.?\\s*(?:\\[[^\\]]*\\]\\s*)?(?:said|replied|returned|responded|says|answered|rejected|refused)"),
            Pattern.compile("(?i)\\bconnect to ([A-Za-z0-9._-]+\\.[A-Za-z]{2,})\\.?\\["),
            EXCHANGE_HOST);
    /** The words of a line that only introduce what follows. */
    private static final Pattern LEAD_IN = Pattern.compile("(?i)^[-=*_ ]*(?:because|reason|error|details?|diagnostic|the error that the other server returned was"
            + "|remote host said|said|for the following reasons?|technical details(?: of (?:permanent|temporary) failure)?|error details?.*"
            + "|(?:the )?reason(?: for (?:the|this) (?:problem|failure))?(?: is| was)?|diagnostic information for administrators"
            + "|the (?:specific )?error (?:message |reported )?(?:was|is))[-=*_ ]*:?[-=*_ ]*$");
    private static final Pattern ALIAS_NOTE = Pattern.compile("(?i)\\(?\\s*(?:ultimately )?(?:expanded|generated|forwarded|redirected) (?:from|by)\\b");
    /** Words before an address that only introduce it ("To:", "Recipient address:", "Original address:"). */
    private static final Pattern LEAD_IN_BEFORE = Pattern.compile("(?i)(?:^|\\b)(?:to|cc|recipient|address|original address|recipient address|final-recipient|original-recipient|failed recipient|for|user)\\s*:?\\s*$");
    private static final Pattern DATE_AFTER_ADDRESS = Pattern.compile("(?i)^on\\s+[0-9][0-9/.-]+\\s+[0-9:]+(?:\\s*[AP]M)?\\s*");
    private static final int MAX_LINES = 12;
    private static final int MAX_CHARS = 2000;

    private RefusalText() {
    }

    /** What the lines about one recipient say; {@code address} is where to look past in the first line. */
    record Found(String reply, boolean quotesServer, String status, String remoteMta) {
    }

    static Found of(List<String> lines, String address) {
        String joined = String.join("\n", lines);
        String reply = serverReply(joined);
        String status = Statuses.first(reply != null ? reply : joined);
        if (status == null && reply != null) {
            status = Statuses.first(joined);
        }
        String mta = remoteMta(joined);
        if (reply != null) {
            return new Found(reply, true, status, mta);
        }
        String words = ownWords(lines, address);
        return new Found(words, false, status, mta);
    }

    /** The remote server's reply in a text: from its code to its last line, without the wrappers around it. */
    static String serverReply(String text) {
        Matcher returned = RETURNED.matcher(text);
        if (returned.find()) {
            String inner = returned.group(1);
            Matcher smtp = SMTP_SEMICOLON.matcher(inner);
            return tidy(smtp.find() ? smtp.group(1) : inner);
        }
        Matcher smtp = SMTP_SEMICOLON.matcher(text);
        if (smtp.find()) {
            return tidy(smtp.group(1).split("\n")[0]);
        }
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            return null;
        }
        String[] lines = text.substring(code.start()).split("\n", -1);
        StringBuilder reply = new StringBuilder(lines[0].strip());
        String firstCode = code.group(1);
        for (int i = 1; i < lines.length && i < MAX_LINES; i++) {
            String line = lines[i].strip();
            boolean sameCode = line.startsWith(firstCode) && line.length() > 3 && (line.charAt(3) == ' ' || line.charAt(3) == '-');
            boolean codeAlone = reply.length() <= 3; // "said: 550" at a line's end: the reply goes on below
            boolean folded = !line.isEmpty() && (lines[i].startsWith(" ") || lines[i].startsWith("\t"))
                    && (codeAlone || !Addresses.IN_TEXT.matcher(line).lookingAt()) && !line.startsWith("(in reply")
                    && endsOpen(reply) && !lines[i - 1].isBlank();
            if ((sameCode || folded) && line.equals(lines[i - 1].strip())) {
                break; // a transcript repeating the reply
            }
            if (sameCode || folded) {
                reply.append(sameCode ? "\n" : " ").append(line);
            } else {
                if (line.startsWith("(in reply")) {
                    reply.append(' ').append(line);
                }
                break;
            }
        }
        return tidy(reply.toString());
    }

    /** Whether a reply so far may go on on the next line (a folded line ends without a full stop mostly). */
    private static boolean endsOpen(CharSequence reply) {
        return reply.length() < MAX_CHARS;
    }

    private static String tidy(String reply) {
        String r = reply.strip();
        for (String before = null; !r.equals(before); ) {
            before = r;
            r = TRAILERS.matcher(r).replaceFirst("").strip();
        }
        if (r.endsWith(")") && r.chars().filter(c -> c == ')').count() > r.chars().filter(c -> c == '(').count()) {
            r = r.substring(0, r.length() - 1).strip(); // "(reason: 550 ...)" around the reply
        }
        r = r.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n");
        return r.length() > MAX_CHARS ? r.substring(0, MAX_CHARS) + " [cut]" : r;
    }

    /**
     * The mail system's own words about the recipient when no server reply is quoted: what its line says
     * beside the address ("User's mailbox is full: <x>", "x: Unrouteable address"), and the lines of the
     * address's paragraph; a paragraph after a blank line only when a lead-in opens it ("because:",
     * "Technical details:"), so that a footer or a disclaimer is never taken for a reason.
     */
    static String ownWords(List<String> lines, String address) {
        StringBuilder words = new StringBuilder();
        if (!lines.isEmpty()) {
            String first = lines.get(0);
            int at = address == null ? -1 : first.toLowerCase(java.util.Locale.ROOT).indexOf(address);
            String before = at < 0 ? "" : first.substring(0, at);
            String rest = at < 0 ? first : first.substring(at + address.length());
            rest = DATE_AFTER_ADDRESS.matcher(rest.replaceFirst("^[>\\s:.,;)\\]\"'=-]+", "")).replaceFirst("").strip();
            before = before.replaceFirst("[\\s<\"'(*-]+$", "").replaceFirst("^[\\s*>-]+", "").strip();
            if (letters(before) >= 8 && !LEAD_IN_BEFORE.matcher(before).find()) {
                words.append(before);
            }
            if (letters(rest) >= 3) {
                words.append(words.length() == 0 ? "" : " ").append(rest);
            }
        }
        boolean afterBlank = false;
        int taken = 0;
        for (int i = 1; i < lines.size() && taken < 4 && words.length() < 600; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                afterBlank = true;
                continue;
            }
            if (LEAD_IN.matcher(line).matches()) {
                afterBlank = false; // what follows a lead-in is about the recipient, even after a blank line
                continue;
            }
            if (ALIAS_NOTE.matcher(line).lookingAt()) {
                continue; // "(expanded from: x)": where the address came from, not why it failed
            }
            if (afterBlank) {
                break;
            }
            if (letters(line) < 3) {
                continue; // a separator line
            }
            words.append(words.length() == 0 ? "" : " ").append(line);
            taken++;
        }
        String w = words.toString().replaceAll("\\s+", " ").strip();
        return w.isEmpty() ? null : w.length() > MAX_CHARS ? w.substring(0, MAX_CHARS) + " [cut]" : w;
    }

    private static long letters(String s) {
        return s.chars().filter(Character::isLetter).count();
    }

    /** The server that answered, as the text names it; null when it names none. */
    static String remoteMta(String text) {
        for (Pattern p : REMOTE_MTA) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                String host = host(m.group(1));
                if (host != null) {
                    return host;
                }
            }
        }
        return null;
    }

    /** A host name as facts take it: letters, digits, dots, dashes; no final dot; at least one dot. */
    static String host(String value) {
        if (value == null) {
            return null;
        }
        String h = value.strip();
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.length() <= 253 && h.matches("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?") && h.contains(".")
                && !h.matches("[0-9.]+") ? h.toLowerCase(java.util.Locale.ROOT) : null;
    }
}

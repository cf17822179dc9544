package org.exdiag.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a mail system wrote in a bounce, without the returned original that many append inline
 * ("This is a copy of the message", "Below this line is a copy", "Original message headers", or just the
 * original's header block): the original's words are the customer's, never a refusal. The header block
 * that was cut is kept to find whose message it was.
 */
final class NoticeText {
    /** Lines that open an inline copy of the original. */
    private static final Pattern COPY_MARKER = Pattern.compile("(?im)^[ \\t>]*(?:-{2,}|={2,}|\\*{2,})?[ \\t]*(?:"
            + "this is a copy of (?:the|your) message|below this line is a copy of the message|start of (?:the )?returned message"
            + "|here is a copy of the first part of the message|(?:the )?text of (?:the|your) (?:original )?message (?:was|is|follows)"
            + "|(?:the )?(?:original|returned|unsent|undelivered|undeliverable|rejected|your) (?:message|mail|e-?mail)(?: header| headers)?(?: text)?(?: follows|:|\\s*-{2,}|\\s*$)"
            + "|(?:the )?(?:original )?message (?:text |header |headers )?follows|message text follows|returned mail follows"
            + "|original message headers:?|(?:the )?headers? (?:of|from) the (?:original|returned|your) message"
            + "|(?:the )?(?:first|following) (?:part|lines) (?:of|are) the (?:original|returned) message"
            + "|content of the original message|a copy of the original message (?:is |was )?(?:below|follows|attached)"
            + "|copy of the returned message|below is a copy of (?:the |your )?(?:original )?message|original message,? (?:including|with) (?:all )?(?:the )?headers"
            + ")");
    /** A header line of an inline original. */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?i)^(?:received|return-path|from|to|cc|subject|date|message-id|mime-version|content-type|x-[a-z0-9-]+|reply-to|sender|dkim-signature|delivered-to):\\s.*");
    private static final Pattern ORIGINAL_OPENERS = Pattern.compile("(?i)^(?:received|return-path|message-id|dkim-signature|mime-version):\\s.*");
    /** What shows that a text before a cut holds the refusal: an address, a reply code, a status code. */
    private static final Pattern FAILURE_CONTENT = Pattern.compile("(?i)@[a-z0-9-]+\\.|(?<![0-9.])[45][0-9][0-9][ -]|[45]\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private static final int GIST_CHARS = 300;

    final String text;
    /** The inline original's header block, when one was cut; else null. */
    final String originalHeaders;

    private NoticeText(String text, String originalHeaders) {
        this.text = text;
        this.originalHeaders = originalHeaders;
    }

    static NoticeText of(String raw) {
        String t = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
        int cut = firstCut(t);
        if (cut < 0) {
            return new NoticeText(t, null);
        }
        String rest = t.substring(cut);
        return new NoticeText(t.substring(0, cut), headerBlock(rest));
    }

    /** The first copy marker or original header block that follows the refusal, or -1. */
    private static int firstCut(String t) {
        int best = -1;
        Matcher marker = COPY_MARKER.matcher(t);
        while (marker.find()) {
            if (FAILURE_CONTENT.matcher(t.substring(0, marker.start())).find()) {
                best = marker.start();
                break;
            }
        }
        int block = headerBlockStart(t, best < 0 ? t.length() : best);
        return block >= 0 && (best < 0 || block < best) ? block : best;
    }

    /**
     * The start of an original's header block before {@code limit}: three header lines in a row, one of
     * which only a whole message has (Received, Return-Path, Message-ID...), after the refusal.
     */
    private static int headerBlockStart(String t, int limit) {
        String[] lines = t.substring(0, limit).split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            if (ORIGINAL_OPENERS.matcher(lines[i]).matches() && i + 2 < lines.length) {
                int headers = 0;
                for (int j = i; j < Math.min(lines.length, i + 6); j++) {
                    if (HEADER_LINE.matcher(lines[j]).matches() || lines[j].startsWith(" ") || lines[j].startsWith("\t")) {
                        headers++;
                    }
                }
                if (headers >= 3 && FAILURE_CONTENT.matcher(t.substring(0, offset)).find()) {
                    return offset;
                }
            }
            offset += lines[i].length() + 1;
        }
        return -1;
    }

    /**
     * The notice's words in one line, at most 300 characters, separator lines left out: what a bounce
     * that names no reason for a recipient says as a whole. Null for a notice without words.
     */
    String gist() {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.chars().filter(Character::isLetter).count() < 3) {
                continue;
            }
            out.append(out.length() == 0 ? "" : " ").append(l);
            if (out.length() > GIST_CHARS) {
                break;
            }
        }
        String g = out.toString().replaceAll("\\s+", " ").strip();
        return g.isEmpty() ? null : g.length() > GIST_CHARS ? g.substring(0, GIST_CHARS) + " …" : g;
    }

    /** The header lines at the start of a cut original (within its first lines, after its marker), or null. */
    private static String headerBlock(String rest) {
        StringBuilder out = new StringBuilder();
        String[] lines = rest.split("\n", -1);
        for (int i = 0; i < lines.length && out.length() < 64 * 1024; i++) {
            String line = lines[i];
            if (HEADER_LINE.matcher(line.strip()).matches()) {
                out.append(line.strip()).append('\n');
            } else if (!out.isEmpty() && !line.isBlank() && (line.startsWith(" ") || line.startsWith("\t"))) {
                out.append(line).append('\n'); // a folded header line
            } else if (!out.isEmpty() || i > 6) {
                break;
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}

package org.exdiag.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.exdiag.facts.FactsFormat;

/**
 * Reads a JSON lines stream one bounded line at a time; an over-long line is skipped, not buffered.
 * Scans its own buffer for line ends (reading byte by byte through a synchronized stream cost
 * ~12 us per 1.4 KB line, as much as the rest of a batch's reading).
 */
public final class JsonLinesReader extends Lookahead<Document> implements AutoCloseable {
    private final String shown;
    private final InputStream in;
    private final int maxBytes;
    private long lineNumber;
    private final byte[] buffer = new byte[64 * 1024];
    private int position; // unread bytes are buffer[position, limit)
    private int limit;
    private byte[] line = new byte[4096]; // the line being read, its first maxBytes bytes at most

    /** The documents of a JSON lines stream (an HTTP body, say), named {@code name:LINE}. */
    public JsonLinesReader(String shown, InputStream in, int maxBytes) {
        this(shown, in, maxBytes, 0);
    }

    /**
     * The documents of a piece of a JSON lines file that starts at a line boundary, after
     * {@code linesBefore} lines of the file: named {@code name:LINE} with the file's own line numbers, so
     * that pieces read apart (by the Spark job) name their documents as one reading of the file does.
     */
    public JsonLinesReader(String shown, InputStream in, int maxBytes, long linesBefore) {
        this.shown = shown;
        this.in = in;
        this.maxBytes = maxBytes;
        this.lineNumber = linesBefore;
    }

    /** The next non-blank line as a document, or null at the end. */
    @Override
    protected Document advance() {
        try {
            while (true) {
                long length = 0; // of the whole line, which may be longer than what is kept
                boolean ended = false;
                while (!ended) {
                    if (position == limit && !fill()) {
                        break;
                    }
                    int end = position;
                    while (end < limit && buffer[end] != '\n') {
                        end++;
                    }
                    keep(length, end - position);
                    length += end - position;
                    ended = end < limit;
                    position = ended ? end + 1 : end;
                }
                if (!ended && length == 0) {
                    return null;
                }
                lineNumber++;
                String source = shown + ":" + lineNumber;
                if (length > maxBytes) {
                    return Document.unreadable(source, "document too large: " + length + " bytes (limit " + maxBytes + ")");
                }
                if (!isBlank(line, (int) length)) {
                    return Document.of(source, Arrays.copyOf(line, (int) length), FactsFormat.JSON);
                }
            }
        } catch (IOException e) {
            return Document.unreadable(shown + ":" + (lineNumber + 1), "cannot read: " + e.getMessage());
        }
    }

    /** Copies buffer[position, position + count) to the line at {@code offset}, up to maxBytes in all. */
    private void keep(long offset, int count) {
        int room = (int) Math.min(count, Math.max(0, maxBytes - offset));
        if (room == 0) {
            return;
        }
        int needed = (int) offset + room;
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(needed, line.length * 2), maxBytes));
        }
        System.arraycopy(buffer, position, line, (int) offset, room);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to read from it
        }
    }
}

package org.exdiag.batch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.exdiag.facts.FactsFormat;

/**
 * The documents named by the command line, lazily and in a stable order: files as given, folders
 * walked recursively in name order, JSON lines files line by line. Memory stays flat however many
 * files or lines there are; nothing here throws for a bad input, it yields an unreadable document.
 * Not thread-safe: one producer reads it.
 */
public final class DocumentSource implements Iterator<Document>, AutoCloseable {
    private final int maxDocumentBytes;
    private final Deque<Path> pending = new ArrayDeque<>();
    private final Deque<String> pendingShown = new ArrayDeque<>();
    private JsonLines lines;
    private Document next;

    public DocumentSource(List<String> paths, int maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
        for (String p : paths) {
            pending.addLast(Path.of(p));
            pendingShown.addLast(p);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document d = next;
        next = null;
        return d;
    }

    private Document advance() {
        while (true) {
            if (lines != null) {
                if (lines.hasNext()) {
                    return lines.next();
                }
                lines.close();
                lines = null;
            }
            if (pending.isEmpty()) {
                return null;
            }
            Path path = pending.removeFirst();
            String shown = pendingShown.removeFirst();
            if (Files.isDirectory(path)) {
                Document unlistable = expand(path, shown);
                if (unlistable != null) {
                    return unlistable;
                }
                continue;
            }
            if (!Files.exists(path)) {
                return Document.unreadable(shown, "no such file or folder");
            }
            Optional<FactsFormat> format = FactsFormat.forFileName(path.getFileName().toString());
            if (format.isEmpty()) {
                return Document.unreadable(shown, "unsupported file type (expected .json, .yaml, .yml or .jsonl)");
            }
            if (format.get() == FactsFormat.JSON_LINES) {
                try {
                    lines = new JsonLines(shown, Files.newInputStream(path), maxDocumentBytes);
                } catch (IOException e) {
                    return Document.unreadable(shown, "cannot read: " + e.getMessage());
                }
                continue;
            }
            return readWhole(path, shown, format.get());
        }
    }

    /** Queues a folder's entries, in name order, before what was pending; an error document when it cannot be listed. */
    private Document expand(Path dir, String shown) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || FactsFormat.forFileName(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return Document.unreadable(shown, "cannot list the folder: " + e.getMessage());
        }
        String prefix = shown.endsWith("/") ? shown : shown + "/";
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.addFirst(children.get(i));
            pendingShown.addFirst(prefix + children.get(i).getFileName());
        }
        return null;
    }

    private Document readWhole(Path path, String shown, FactsFormat format) {
        try {
            long size = Files.size(path);
            if (size > maxDocumentBytes) {
                return Document.unreadable(shown, "document too large: " + size + " bytes (limit " + maxDocumentBytes + ")");
            }
            return Document.of(shown, Files.readAllBytes(path), format);
        } catch (IOException e) {
            return Document.unreadable(shown, "cannot read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }

    /** The documents of a JSON lines stream (an HTTP body, say), named {@code name:LINE}. */
    public static JsonLines jsonLines(String name, InputStream in, int maxDocumentBytes) {
        return new JsonLines(name, in, maxDocumentBytes);
    }

    /** Reads a JSON lines file one bounded line at a time; an over-long line is skipped, not buffered. */
    public static final class JsonLines implements Iterator<Document>, AutoCloseable {
        private Document pending;
        private final String shown;
        private final InputStream in;
        private final int maxBytes;
        private int lineNumber;

        JsonLines(String shown, InputStream in, int maxBytes) {
            this.shown = shown;
            this.in = new BufferedInputStream(in, 64 * 1024);
            this.maxBytes = maxBytes;
        }

        @Override
        public boolean hasNext() {
            if (pending == null) {
                pending = read();
            }
            return pending != null;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Document d = pending;
            pending = null;
            return d;
        }

        /** The next non-blank line as a document, or null at the end. */
        Document read() {
            try {
                while (true) {
                    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
                    long length = 0;
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        if (length++ < maxBytes) {
                            line.write(b);
                        }
                    }
                    if (b == -1 && length == 0) {
                        return null;
                    }
                    lineNumber++;
                    String source = shown + ":" + lineNumber;
                    if (length > maxBytes) {
                        return Document.unreadable(source, "document too large: " + length + " bytes (limit " + maxBytes + ")");
                    }
                    byte[] bytes = line.toByteArray();
                    if (!isBlank(bytes)) {
                        return Document.of(source, bytes, FactsFormat.JSON);
                    }
                }
            } catch (IOException e) {
                return Document.unreadable(shown + ":" + (lineNumber + 1), "cannot read: " + e.getMessage());
            }
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
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
}

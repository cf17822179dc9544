package org.exdiag.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.exdiag.facts.FactsFormat;

/**
 * The documents named by the command line, lazily and in a stable order: files as given, folders
 * walked recursively in name order, JSON lines files line by line. Memory stays flat however many
 * files or lines there are; nothing here throws for a bad input, it yields an unreadable document.
 * Not thread-safe: one producer reads it.
 */
public final class DocumentSource extends Nested<Document> {
    /** The path that names standard input, as Unix tools have it. */
    public static final String STANDARD_INPUT = "-";

    private final int maxDocumentBytes;
    private final InputStream standardInput;
    private final Deque<Pending> pending = new ArrayDeque<>();

    public DocumentSource(List<String> paths, int maxDocumentBytes) {
        this(paths, maxDocumentBytes, System.in);
    }

    public DocumentSource(List<String> paths, int maxDocumentBytes, InputStream standardInput) {
        this.maxDocumentBytes = maxDocumentBytes;
        this.standardInput = standardInput;
        for (String p : paths) {
            pending.addLast(new Pending(Path.of(p), p, false));
        }
    }

    @Override
    protected Document nextInput() {
        while (true) {
            if (pending.isEmpty()) {
                return null;
            }
            Pending next = pending.removeFirst();
            Path path = next.path();
            String shown = next.shown();
            if (!next.listedFile() && shown.equals(STANDARD_INPUT)) {
                return readStandardInput();
            }
            // A file found in a folder listing is known to exist and to have a supported name: asking
            // again would cost three more system calls per file, a second of CPU on 100,000 files.
            if (!next.listedFile() && Files.isDirectory(path)) {
                Document unlistable = expand(path, shown);
                if (unlistable != null) {
                    return unlistable;
                }
                continue;
            }
            Optional<FactsFormat> format = FactsFormat.forFileName(path.getFileName().toString());
            if (format.isEmpty()) {
                return Files.exists(path) ? Document.unreadable(shown, "unsupported file type (expected .json, .yaml, .yml or .jsonl)")
                        : Document.unreadable(shown, "no such file or folder");
            }
            if (format.get() == FactsFormat.JSON_LINES) {
                try {
                    read(new JsonLinesReader(shown, Files.newInputStream(path), maxDocumentBytes));
                } catch (NoSuchFileException e) {
                    return Document.unreadable(shown, "no such file or folder");
                } catch (IOException e) {
                    return Document.unreadable(shown, "cannot read: " + e.getMessage());
                }
                return null;
            }
            return readWhole(path, shown, format.get());
        }
    }

    /** Queues a folder's entries, in name order, before what was pending; an error document when it cannot be listed. */
    private Document expand(Path dir, String shown) {
        List<Path> children = new ArrayList<>();
        Set<Path> directories = new HashSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(p -> {
                if (Files.isDirectory(p)) {
                    directories.add(p);
                    children.add(p);
                } else if (FactsFormat.forFileName(p.getFileName().toString()).isPresent()) {
                    children.add(p);
                }
            });
            children.sort(null);
        } catch (IOException | UncheckedIOException e) {
            return Document.unreadable(shown, "cannot list the folder: " + e.getMessage());
        }
        String prefix = shown.endsWith("/") ? shown : shown + "/";
        for (int i = children.size() - 1; i >= 0; i--) {
            Path child = children.get(i);
            pending.addFirst(new Pending(child, prefix + child.getFileName(), !directories.contains(child)));
        }
        return null;
    }

    /**
     * Standard input is JSON lines when its first line that is not blank holds a whole JSON object
     * ({@code zcat day.jsonl.gz | exdiag analyze -}): read line by line as a file of them, the documents
     * named {@code -:LINE}. Anything else is one document, JSON when it opens with a brace, else YAML
     * ({@code exdiag analyze - < facts.yaml}), named {@code -}, read up to the document limit. Null when
     * the lines are set up to be read.
     */
    private Document readStandardInput() {
        BufferedInputStream in = new BufferedInputStream(standardInput, 64 * 1024);
        try {
            in.mark(maxDocumentBytes + 1);
            int[] ends = firstLineEnds(in, maxDocumentBytes + 1);
            in.reset();
            if (ends[0] == '{' && ends[1] == '}') {
                read(new JsonLinesReader(STANDARD_INPUT, in, maxDocumentBytes));
                return null;
            }
            byte[] whole = in.readNBytes(maxDocumentBytes + 1);
            if (whole.length > maxDocumentBytes) {
                return Document.unreadable(STANDARD_INPUT, "document too large: more than " + maxDocumentBytes
                        + " bytes (limit " + maxDocumentBytes + ")");
            }
            return Document.of(STANDARD_INPUT, whole, ends[0] == '{' ? FactsFormat.JSON : FactsFormat.YAML);
        } catch (IOException e) {
            return Document.unreadable(STANDARD_INPUT, "cannot read standard input: " + e.getMessage());
        }
    }

    /**
     * The first and last characters of the first line that is not blank, read from {@code in} up to
     * that line's end (at most {@code limit} bytes); -1 for none.
     */
    private static int[] firstLineEnds(InputStream in, int limit) throws IOException {
        int first = -1;
        int last = -1;
        for (int read = 0, b; read < limit && (b = in.read()) >= 0; read++) {
            if (b == '\n') {
                if (first >= 0) {
                    break;
                }
            } else if (!Character.isWhitespace(b)) {
                if (first < 0) {
                    first = b;
                }
                last = b;
            }
        }
        return new int[] {first, last};
    }

    /** One open, one size, one read: the size check costs no extra call, and nothing large is read. */
    private Document readWhole(Path path, String shown, FactsFormat format) {
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            long size = channel.size();
            if (size > maxDocumentBytes) {
                return Document.unreadable(shown, "document too large: " + size + " bytes (limit " + maxDocumentBytes + ")");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size + 1); // one more: a file that grew shows it
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read on until full or at the end
            }
            if (bytes.position() > size) {
                return Document.unreadable(shown, "the file grew while it was read; analyze it again");
            }
            return Document.of(shown, Arrays.copyOf(bytes.array(), bytes.position()), format);
        } catch (NoSuchFileException e) {
            return Document.unreadable(shown, "no such file or folder");
        } catch (IOException e) {
            return Document.unreadable(shown, "cannot read: " + e.getMessage());
        }
    }

    /** A path still to read, as the user will see it named; {@code listedFile}: found in a folder, not a folder. */
    private record Pending(Path path, String shown, boolean listedFile) {
    }

    private void read(JsonLinesReader lines) {
        readFrom(lines, lines);
    }
}

package org.exdiag.bounce;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.exdiag.batch.Lookahead;
import org.exdiag.batch.Nested;

/**
 * The messages named by the command line, lazily and in a stable order: a message file; an mbox file
 * (messages split at their "From " lines, each named {@code file:LINE} by the line it starts on); a
 * maildir ({@code cur/} then {@code new/}); a folder, walked in name order; {@code -}, standard input
 * (one message, or an mbox). Memory stays flat on a mailbox of any size: one message is held at a time.
 * Nothing here throws for a bad input: it yields a message that could not be read, with why.
 * Not thread-safe: one producer reads it.
 */
public final class MessageSource extends Nested<MessageSource.Message> {
    public static final String STANDARD_INPUT = "-";

    /** One message: its name and bytes, or why it could not be read. */
    public record Message(String source, byte[] bytes, String unreadable) {
        static Message of(String source, byte[] bytes) {
            return new Message(source, bytes, null);
        }

        static Message unreadable(String source, String why) {
            return new Message(source, null, why);
        }
    }

    private final InputStream standardInput;
    private final Deque<Path> pending = new ArrayDeque<>();
    private final Deque<String> shownNames = new ArrayDeque<>();

    public MessageSource(List<String> paths, InputStream standardInput) {
        this.standardInput = standardInput;
        for (String p : paths) {
            pending.addLast(Path.of(p));
            shownNames.addLast(p);
        }
    }

    /** The messages of one stream (an mbox, or one message), named {@code name:LINE} or {@code name}. */
    public static MessageSource ofStream(String name, InputStream in) {
        MessageSource source = new MessageSource(List.of(), in);
        source.read(new Mbox(name, in, false));
        return source;
    }

    @Override
    protected Message nextInput() {
        while (true) {
            if (pending.isEmpty()) {
                return null;
            }
            Path path = pending.removeFirst();
            String shown = shownNames.removeFirst();
            try {
                if (shown.equals(STANDARD_INPUT) && !Files.exists(path)) {
                    read(new Mbox(shown, standardInput, false));
                    return null;
                }
                if (Files.isDirectory(path)) {
                    expand(path, shown);
                    continue;
                }
                if (!Files.isRegularFile(path)) {
                    return Message.unreadable(shown, Files.exists(path) ? "not a regular file" : "no such file or folder");
                }
                read(new Mbox(shown, Files.newInputStream(path), true));
                return null;
            } catch (NoSuchFileException e) {
                return Message.unreadable(shown, "no such file or folder");
            } catch (IOException e) {
                return Message.unreadable(shown, "cannot read: " + e.getMessage());
            }
        }
    }

    /** A folder's entries go first, in name order; a maildir's messages are those of cur/, then new/. */
    private void expand(Path folder, String shown) throws IOException {
        List<Path> children;
        boolean maildir = Files.isDirectory(folder.resolve("cur")) || Files.isDirectory(folder.resolve("new"));
        if (maildir) {
            children = Stream.of("cur", "new").map(folder::resolve).filter(Files::isDirectory).toList();
        } else {
            try (Stream<Path> list = Files.list(folder)) {
                children = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            Path child = children.get(i);
            pending.addFirst(child);
            shownNames.addFirst(shown.endsWith("/") ? shown + child.getFileName() : shown + "/" + child.getFileName());
        }
    }

    /**
     * The messages of one stream: the whole stream when it does not start with an mbox "From " line,
     * else each message between two "From " lines (mboxrd's ">From " quoting undone).
     */
    private void read(Mbox mbox) {
        readFrom(mbox, mbox);
    }

    private static final class Mbox extends Lookahead<Message> implements AutoCloseable {
        private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
        private final String shown;
        private final InputStream in;
        private final boolean closeAtEnd;
        private Boolean isMbox;
        private byte[] pendingLine;
        private long lineNumber;
        private boolean done;

        Mbox(String shown, InputStream in, boolean closeAtEnd) {
            this.shown = shown;
            this.in = new BufferedInputStream(in, 64 * 1024);
            this.closeAtEnd = closeAtEnd;
        }

        @Override
        protected Message advance() {
            if (done) {
                return null;
            }
            try {
                if (isMbox == null) {
                    pendingLine = readLine();
                    lineNumber = 1;
                    isMbox = pendingLine != null && startsWith(pendingLine, FROM);
                    if (!isMbox) {
                        done = true;
                        return whole();
                    }
                }
                return nextOfMbox();
            } catch (IOException e) {
                done = true;
                return Message.unreadable(shown, "cannot read: " + e.getMessage());
            }
        }

        /** A file that is one message. */
        private Message whole() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (pendingLine != null) {
                out.write(pendingLine);
            }
            byte[] rest = in.readNBytes(NdrReader.MAX_BYTES + 1 - out.size());
            out.write(rest);
            if (out.size() > NdrReader.MAX_BYTES) {
                return Message.unreadable(shown, "larger than " + NdrReader.MAX_BYTES + " bytes: not a bounce");
            }
            if (out.size() == 0) {
                return Message.unreadable(shown, "empty");
            }
            return Message.of(shown, out.toByteArray());
        }

        private Message nextOfMbox() throws IOException {
            if (pendingLine == null) {
                done = true;
                return null;
            }
            long startLine = lineNumber;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean tooLarge = false;
            boolean previousBlank = false;
            byte[] line;
            while (true) {
                line = readLine();
                lineNumber++;
                if (line == null || previousBlank && startsWith(line, FROM)) {
                    break;
                }
                previousBlank = isBlank(line);
                if (!tooLarge) {
                    byte[] unquoted = unquoteFrom(line);
                    out.write(unquoted);
                    tooLarge = out.size() > NdrReader.MAX_BYTES;
                    if (tooLarge) {
                        out = new ByteArrayOutputStream();
                    }
                }
            }
            pendingLine = line;
            String name = shown + ":" + startLine;
            if (tooLarge) {
                return Message.unreadable(name, "larger than " + NdrReader.MAX_BYTES + " bytes: not a bounce");
            }
            return Message.of(name, out.toByteArray());
        }

        /** A line with its end, or null at the end of the stream. */
        private byte[] readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }

        private static boolean startsWith(byte[] line, byte[] prefix) {
            return line.length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
        }

        private static boolean isBlank(byte[] line) {
            for (byte b : line) {
                if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** mboxrd: ">From ", ">>From " lose one '>'. */
        private static byte[] unquoteFrom(byte[] line) {
            int i = 0;
            while (i < line.length && line[i] == '>') {
                i++;
            }
            if (i > 0 && line.length - i >= FROM.length && Arrays.equals(line, i, i + FROM.length, FROM, 0, FROM.length)) {
                return Arrays.copyOfRange(line, 1, line.length);
            }
            return line;
        }

        @Override
        public void close() {
            if (closeAtEnd) {
                try {
                    in.close();
                } catch (IOException e) {
                    // nothing to do: the stream was read
                }
            }
        }
    }
}

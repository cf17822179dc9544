package org.exdiag.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The domains an earlier sweep already wrote to its output, for {@code --resume}: read from the records'
 * first field ({@code {"domain":"example.com",...}}, as {@link SweepOutcome} writes them; error records
 * name no domain and are checked again). Kept as sorted 64-bit hashes, 8 bytes a domain (a million
 * domains: 8 MB), not as strings; two domains share a hash with odds of about one in 10^7 at a million.
 */
public final class DoneDomains {
    public static final DoneDomains NONE = new DoneDomains(new long[0], 0);
    private static final byte[] PREFIX = "{\"domain\":\"".getBytes(StandardCharsets.US_ASCII);

    private final long[] hashes;
    private final long completeBytes;

    private DoneDomains(long[] hashes, long completeBytes) {
        this.hashes = hashes;
        this.completeBytes = completeBytes;
    }

    /** The domains of {@code out}'s complete lines; a file that does not exist holds none. */
    public static DoneDomains read(Path out) throws IOException {
        if (!Files.exists(out)) {
            return NONE;
        }
        long[] found = new long[1024];
        int count = 0;
        long offset = 0;
        long lineEnd = 0; // just after the last '\n': what a run may append to
        try (InputStream in = Files.newInputStream(out)) {
            byte[] buffer = new byte[1 << 16];
            byte[] start = new byte[PREFIX.length + 256];
            int kept = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b != '\n') {
                        if (kept < start.length) {
                            start[kept++] = b;
                        }
                        continue;
                    }
                    long h = domainHash(start, kept);
                    if (h != 0) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = h;
                    }
                    kept = 0;
                    lineEnd = offset + i + 1;
                }
                offset += n;
            }
        }
        long[] sorted = Arrays.copyOf(found, count);
        Arrays.sort(sorted);
        return new DoneDomains(sorted, lineEnd);
    }

    /** Cuts {@code out} after its last complete line. */
    public void trimPartialLine(Path out) throws IOException {
        if (!Files.exists(out) || Files.size(out) == completeBytes) {
            return;
        }
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
            channel.truncate(completeBytes);
        }
    }

    public int size() {
        return hashes.length;
    }

    public boolean contains(String domain) {
        if (hashes.length == 0) {
            return false;
        }
        byte[] bytes = domain.getBytes(StandardCharsets.UTF_8);
        return Arrays.binarySearch(hashes, hash(bytes, 0, bytes.length)) >= 0;
    }

    /** The hash of the domain a line starts with, or 0 when it starts otherwise. */
    private static long domainHash(byte[] line, int length) {
        if (length <= PREFIX.length || !Arrays.equals(line, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            return 0;
        }
        for (int i = PREFIX.length; i < length; i++) {
            if (line[i] == '"') {
                return i == PREFIX.length ? 0 : hash(line, PREFIX.length, i - PREFIX.length);
            }
        }
        return 0;
    }

    /** FNV-1a, 64 bits, then mixed (a zero hash would read as "no domain": it is moved). */
    private static long hash(byte[] bytes, int from, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            h ^= bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

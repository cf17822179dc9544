package org.exdiag.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a batch command writes: a file given with --out, else standard output (left open). */
final class Outputs {
    private Outputs() {
    }

    static Writer open(Path out, PrintWriter stdout) throws IOException {
        if (out == null) {
            return new FilterWriter(stdout) {
                @Override
                public void close() {
                    stdout.flush(); // leave standard output open
                }
            };
        }
        // 64 KiB at a time: a million reports are 1.6 GB, and 8 KiB writes were a syscall every 5 reports.
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
    }
}

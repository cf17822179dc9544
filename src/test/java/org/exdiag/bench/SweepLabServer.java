package org.exdiag.bench;

import java.nio.file.Path;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.sweep.SweepLab;

/**
 * The sweep benchmark's DNS server, in a process of its own so that the sweep measured is the command
 * alone: serves N generated domains ({@link SweepLab}: one in ten broken, one in fifty silent), writes
 * the input file, prints {@code port=PORT} and serves until its standard input closes.
 * {@code java -cp "$CP" org.exdiag.bench.SweepLabServer N INPUT_FILE} (docs/bench/sweep.sh).
 */
public final class SweepLabServer {
    private SweepLabServer() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path input = SweepLab.input(Path.of(args[1]), count);
        try (TestDnsServer dns = SweepLab.serve(new TestDnsServer(), count)) {
            System.out.println("port=" + dns.port() + " input=" + input);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the script closes our standard input
            }
        }
    }
}

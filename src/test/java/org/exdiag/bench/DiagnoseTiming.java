package org.exdiag.bench;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.exdiag.facts.FactsDocument;
import org.exdiag.probe.Diagnostic;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.MailLab;
import org.exdiag.probe.ProgressListener;
import org.exdiag.probe.Secret;
import org.exdiag.probe.TestDnsServer;

/**
 * Times live diagnostics against GreenMail and the test DNS server: a healthy mailbox, and one whose
 * DNS server answers nothing. Prints median and worst of N runs. Run by docs/bench/diagnose.sh; the
 * test suite runs it once as a smoke test.
 */
public final class DiagnoseTiming {
    private DiagnoseTiming() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration dnsTimeout = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 2000);
        for (String line : measure(runs, dnsTimeout)) {
            System.out.println(line);
        }
    }

    public static List<String> measure(int runs, Duration dnsTimeout) throws Exception {
        List<String> out = new ArrayList<>();
        try (MailLab lab = new MailLab("bench-password")) {
            GreenMail mail = lab.mail;
            TestDnsServer dns = lab.dns;
            DiagnosticSettings settings = lab.settings().with(b -> {
                b.heloName = "exdiag.bench";
                b.connectTimeout = Duration.ofSeconds(10);
                b.overallTimeout = Duration.ofSeconds(60);
            });
            // The healthy runs keep the default DNS timeout: a short one only tells how loaded the machine is.
            out.add(time("healthy", runs, settings, dns, false));
            out.add(time("dns not answering (timeout " + dnsTimeout.toMillis() + " ms)", runs,
                    settings.with(b -> b.dnsTimeout = dnsTimeout), dns, true));
        }
        return out;
    }

    private static String time(String name, int runs, DiagnosticSettings settings, TestDnsServer dns, boolean dnsDown) throws Exception {
        dns.fault(TestDnsServer.Fault.DROP_EVERYTHING, dnsDown);
        List<Long> millis = new ArrayList<>();
        String verdict = "";
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            FactsDocument facts;
            try (Secret secret = new Secret("bench-password".toCharArray())) {
                facts = new Diagnostic(settings, null, ProgressListener.NONE, Clock.systemUTC()).run("jane@example.com", secret);
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
            verdict = "mx " + facts.dns().mx().status().wire() + ", sent " + facts.testEmail().sent() + ", received "
                    + facts.testEmail().received();
        }
        Collections.sort(millis);
        return String.format("%s: median %d ms, worst %d ms over %d runs (first run included); last: %s",
                name, millis.get(millis.size() / 2), millis.get(millis.size() - 1), runs, verdict);
    }
}

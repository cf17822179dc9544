package org.exdiag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.exdiag.cli.Main;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.sweep.SweepLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The jar that is shipped, run the way a cluster runs it: its own classes on Spark's classpath (through
 * ./exdiag-spark, in another JVM). Each pitfall of the issue is checked on the jar itself: no logback,
 * no second Jackson, SLF4J or Scala, and Drools' antlr-runtime 3 inside; and the sweep job, through the
 * launcher's {@code sweep}, against the loopback lab DNS server.
 */
class ShippedJarIT {
    private static final Path JAR = Path.of("target/exdiag-spark.jar");

    @TempDir
    Path tmp;

    @Test
    void theJarLeavesToSparkWhatSparkBringsAndKeepsWhatItLacks() throws IOException {
        List<String> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().forEach(e -> entries.add(e.getName()));
        }
        assertThat(entries).noneMatch(e -> e.startsWith("ch/qos/logback/") || e.equals("logback.xml"))
                .noneMatch(e -> e.startsWith("com/fasterxml/jackson/databind/") || e.startsWith("com/fasterxml/jackson/core/"))
                .noneMatch(e -> e.startsWith("org/slf4j/") || e.startsWith("scala/") || e.startsWith("org/apache/spark/"))
                .noneMatch(e -> e.startsWith("org/apache/hadoop/") || e.startsWith("org/antlr/v4/"))
                .contains("org/antlr/runtime/Parser.class", "org/exdiag/spark/AnalyzeJob.class", "org/exdiag/spark/SweepJob.class",
                        "rules/links.drl");
        assertThat(Files.size(JAR)).as("no Spark inside").isLessThan(40L << 20);
    }

    @Test
    void theLauncherRunsTheShippedJarAndWritesAnalyzesRecords() throws Exception {
        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder("../exdiag-spark", "--master", "local[2]", "--out", out.toString(), "../examples")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String log = Files.readString(tmp.resolve("log.txt"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).containsPattern("exdiag-spark: \\d+ documents, \\d+ reports, 0 errors").doesNotContain("SLF4J(W): Class path contains multiple")
                .doesNotContain("DEBUG");

        List<String> records = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path part : parts.filter(f -> f.getFileName().toString().matches("part-.*\\.jsonl")).toList()) {
                records.addAll(Files.readAllLines(part));
            }
        }
        Collections.sort(records);
        StringWriter analyzed = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(analyzed));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute("analyze", "--format", "jsonl", "--rules", "../rules", "--kb", "../knowledge-base", "../examples");
        assertThat(records).containsExactlyElementsOf(analyzed.toString().lines().sorted().toList());
        assertThat(out.resolve("_SUMMARY.json")).content().startsWith("{\"documents\":" + records.size() + ",\"reports\":" + records.size() + ",\"errors\":0,");
    }

    @Test
    void theLauncherRunsTheSweepJobWithSweep() throws Exception {
        int domains = 200;
        try (TestDnsServer dns = SweepLab.serve(new TestDnsServer(), domains)) {
            Path input = SweepLab.input(tmp.resolve("domains.txt"), domains);
            Path out = tmp.resolve("swept");
            Process p = new ProcessBuilder("../exdiag-spark", "sweep", "--master", "local[2]", "--dns", dns.address(), "--rate", "20000",
                    "--timeout", "1", "--retries", "2", "--out", out.toString(), input.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("sweep-log.txt").toFile()).start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
            String log = Files.readString(tmp.resolve("sweep-log.txt"));
            assertThat(p.exitValue()).as("the lab's silent domains could not be checked: " + log).isEqualTo(1);
            assertThat(log).contains("exdiag-spark: 200 domains in").contains("4 could not be checked; 0 bad lines").doesNotContain("DEBUG");
            List<String> records = new ArrayList<>();
            try (Stream<Path> parts = Files.list(out)) {
                for (Path part : parts.filter(f -> f.getFileName().toString().matches("part-.*\\.jsonl")).toList()) {
                    records.addAll(Files.readAllLines(part));
                }
            }
            assertThat(records).hasSize(domains).allMatch(r -> r.startsWith("{\"domain\":\"d"));
            assertThat(out.resolve("_SUMMARY.json")).content().startsWith("{\"domains\":200,");
        }
    }
}

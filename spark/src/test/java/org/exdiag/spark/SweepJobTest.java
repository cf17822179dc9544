package org.exdiag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.exdiag.cli.Main;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.sweep.SweepLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sweep job in local mode (local[2]) on the lab's generated domains ({@code SweepLab}: one in ten broken
 * in one way, one in fifty whose DNS never answers) served by the loopback DNS server: every domain gets one
 * record with its root cause, the records are {@code exdiag sweep}'s and in its order (the part files read
 * in name order), a bad line gives its error record, and the summary counts them as the sweep's summary does.
 */
class SweepJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Domains of the text file; the JSON lines file holds as many again after them. */
    private static final int TEXT_DOMAINS = 300;
    private static final int JSON_DOMAINS = 100;
    private static final int DOMAINS = TEXT_DOMAINS + JSON_DOMAINS;
    private static JavaSparkContext spark;
    private static TestDnsServer dns;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("exdiag-spark sweep test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
        dns = SweepLab.serve(new TestDnsServer(), DOMAINS);
    }

    @AfterAll
    static void stop() {
        spark.stop();
        dns.close();
    }

    /**
     * Short timeouts and a rate the lab server takes: the silent domains cost 3 s each, not 6. Not shorter:
     * with 0.3 s, a task's first queries timed out while Spark started on a loaded machine.
     */
    private static List<String> args(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--rules", "../rules", "--kb", "../knowledge-base", "--dns", dns.address(),
                "--rate", "20000", "--timeout", "1", "--retries", "2", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /**
     * A text file of domains 0 to 299 with a comment, a blank line and a bad line (its line 303) after them, and
     * a JSON lines file of domains 300 to 399.
     */
    private Path[] inputs() throws IOException {
        Path text = SweepLab.input(tmp.resolve("domains.txt"), TEXT_DOMAINS);
        Files.writeString(text, "# added by hand\n\nnot a domain\n", java.nio.file.StandardOpenOption.APPEND);
        Path jsonl = tmp.resolve("more.jsonl");
        try (Writer w = Files.newBufferedWriter(jsonl)) {
            for (int i = TEXT_DOMAINS; i < DOMAINS; i++) {
                w.write("{\"domain\": \"" + SweepLab.domain(i) + "\"}\n");
            }
        }
        return new Path[] {text, jsonl};
    }

    /** Each part file's records, in the order written. */
    private static List<List<String>> parts(Path outDir) throws IOException {
        List<List<String>> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(outDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().matches("part-.*\\.jsonl")).sorted().toList()) {
                parts.add(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    @Test
    void everyDomainGetsOneRecordWithItsRootCauseAndTheSummaryCountsThem() throws Exception {
        Path[] in = inputs();
        Path out = tmp.resolve("out");
        List<String> args = args(out, "--partitions", "4");
        args.addAll(List.of(in[0].toString(), in[1].toString()));
        int code = SweepJob.run(spark, args.toArray(String[]::new));
        assertThat(code).as("the silent domains could not be checked, and a line is bad").isEqualTo(JobOptions.SOME_ERRORS);

        List<List<String>> parts = parts(out);
        assertThat(parts.stream().filter(p -> !p.isEmpty()).count()).as("the lines were shared between tasks").isGreaterThan(2);
        Map<String, JsonNode> byDomain = new HashMap<>();
        List<JsonNode> errors = new ArrayList<>();
        for (List<String> part : parts) {
            int last = -1;
            for (String line : part) {
                JsonNode record = JSON.readTree(line);
                if (record.has("error")) {
                    errors.add(record);
                    continue;
                }
                String domain = record.get("domain").asText();
                int index = Integer.parseInt(domain.substring(1, domain.indexOf('.')));
                assertThat(index).as("input order within a part").isGreaterThan(last);
                last = index;
                assertThat(byDomain.put(domain, record)).as("one record for %s", domain).isNull();
            }
        }
        assertThat(byDomain).hasSize(DOMAINS);
        List<String> wrong = new ArrayList<>();
        Map<String, Long> causes = new HashMap<>();
        long healthy = 0;
        long silent = 0;
        for (int i = 0; i < DOMAINS; i++) {
            SweepLab.Breakage b = SweepLab.breakage(i);
            String why = check(byDomain.get(SweepLab.domain(i)), b);
            if (why != null) {
                wrong.add(i + " (" + b + "): " + why);
            }
            healthy += b == SweepLab.Breakage.NONE ? 1 : 0;
            silent += b == SweepLab.Breakage.TIMEOUT ? 1 : 0;
            if (b.rootCause != null) {
                causes.merge(b.rootCause, 1L, Long::sum);
            }
        }
        assertThat(wrong).as("domains whose report is wrong").isEmpty();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).isEqualTo("{\"source\":\"" + in[0] + ":303\",\"error\":{\"message\":\"not a domain name: \\\"not a domain\\\"\"}}");

        JsonNode summary = JSON.readTree(out.resolve("_SUMMARY.json").toFile());
        assertThat(summary.get("domains").asLong()).isEqualTo(DOMAINS);
        assertThat(summary.get("healthy").asLong()).isEqualTo(healthy);
        assertThat(summary.get("couldNotCheck").asLong()).isEqualTo(silent).isEqualTo(8);
        assertThat(summary.get("problems").asLong()).isEqualTo(DOMAINS - healthy - silent);
        assertThat(summary.get("badLines").asLong()).isEqualTo(1);
        causes.forEach((cause, n) -> assertThat(summary.get("rootCauses").get(cause).asLong()).as(cause).isEqualTo(n));
        assertThat(summary.get("rootCauses").get("MX_LOOKUP_FAILED").asLong()).isEqualTo(silent);
        assertThat(summary.get("dns").get("queries").asLong()).isGreaterThan(DOMAINS * 5L);
    }

    @Test
    void theRecordsAreThoseExdiagSweepWritesInItsOrder() throws Exception {
        Path[] in = inputs();
        Path out = tmp.resolve("out");
        List<String> args = args(out, "--partitions", "3", "--setup", "exchange-only", "--lang", "fr");
        args.add(tmp.toString()); // the folder: its files in name order, named as if given one by one
        SweepJob.run(spark, args.toArray(String[]::new));

        List<String> expected = new ArrayList<>();
        for (Path file : in) {
            expected.addAll(sweep(file.toString(), "--rules", "../rules", "--kb", "../knowledge-base", "--dns", dns.address(),
                    "--rate", "20000", "--timeout", "1", "--retries", "2", "--setup", "exchange-only", "--lang", "fr"));
        }
        // Part files in name order hold the shares in input order: read one after the other, the sweep's own output.
        List<String> actual = parts(out).stream().flatMap(List::stream).map(SweepJobTest::timeless).toList();
        assertThat(actual).hasSize(DOMAINS + 1).containsExactlyElementsOf(expected.stream().map(SweepJobTest::timeless).toList());
    }

    @Test
    void anExistingOutputFolderIsRefusedUnlessOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "precious");
        Path few = tmp.resolve("few.txt");
        Files.writeString(few, "d0.sweep.test\nd1.sweep.test\n");
        assertThat(SweepJob.run(spark, args(out, few.toString()).toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(out.resolve("keep.txt")).hasContent("precious");
        assertThat(SweepJob.run(spark, args(out, "--overwrite", few.toString()).toArray(String[]::new))).isEqualTo(JobOptions.OK);
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(parts(out).stream().flatMap(List::stream)).hasSize(2);
    }

    @Test
    void usageErrorsStopTheJobBeforeAnyOutput() throws Exception {
        Path out = tmp.resolve("never");
        Path few = Files.writeString(tmp.resolve("few.txt"), "d0.sweep.test\n");
        assertThat(SweepJob.run(spark, args(out, tmp.resolve("missing.txt").toString()).toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(SweepJob.run(spark, args(out, "--concurrency", "0", few.toString()).toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(SweepJob.run(spark, args(out, "--offer", "private", few.toString()).toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(SweepJob.run(spark, args(out, "--partitions", "0", few.toString()).toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(SweepJob.run(spark, args(out, "--lang", "de", few.toString()).toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(SweepJob.run(spark, args(out, "-").toArray(String[]::new))).isEqualTo(JobOptions.USAGE);
        assertThat(out).doesNotExist();
    }

    /** exdiag sweep's records for one file, through the main application's own command line. */
    private static List<String> sweep(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(List.of(args));
        cli.execute(all.toArray(String[]::new));
        return out.toString().lines().toList();
    }

    /** A record without the moments it was collected at, which two runs cannot share. */
    private static String timeless(String record) {
        return record.replaceAll("\"collectedAt\":\"[^\"]*\"", "\"collectedAt\":\"-\"");
    }

    /** What is wrong with a domain's record, or null: as SweepEndToEndTest checks the sweep's. */
    private static String check(JsonNode line, SweepLab.Breakage b) {
        if (line == null) {
            return "no record";
        }
        JsonNode report = line.path("report");
        List<String> causes = new ArrayList<>();
        report.path("rootCauses").forEach(c -> causes.add(c.asText()));
        return switch (b) {
            case NONE -> causes.isEmpty() && report.path("verdict").asText().equals("healthy") ? null : "not healthy: " + causes;
            case TIMEOUT -> report.path("verdict").asText().equals("incomplete")
                    && causes.containsAll(List.of("MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED", "DNS_LOOKUP_FAILED"))
                    && causes.stream().noneMatch(c -> c.endsWith("_MISSING") || c.endsWith("_INVALID") || c.endsWith("_CONFLICT"))
                    ? null : "not could-not-check: " + causes;
            default -> causes.equals(List.of(b.rootCause)) ? null : "expected " + b.rootCause + ": " + causes;
        };
    }
}

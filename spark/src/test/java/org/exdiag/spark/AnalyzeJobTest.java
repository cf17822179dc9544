package org.exdiag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.exdiag.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job in local mode (local[2]) against {@code exdiag analyze} on the same generated input: every
 * record the same, bad lines and bad files included, and the same counts in the summary.
 */
class AnalyzeJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("../examples");
    private static JavaSparkContext spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("exdiag-spark test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** analyze's records for the inputs, through the main application's own command line. */
    private static List<String> analyze(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> all = new ArrayList<>(List.of("analyze", "--format", "jsonl"));
        all.addAll(List.of(args));
        cli.execute(all.toArray(String[]::new));
        return out.toString().lines().sorted().toList();
    }

    private static List<String> records(Path outDir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(outDir)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().matches("part-.*\\.jsonl")).toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines.stream().sorted().toList();
    }

    /**
     * Facts in every shape analyze reads: the examples as files in nested folders, and a JSON lines file
     * of them with blank lines, broken JSON, an unknown field, a wrong version, a line over the size limit
     * and a last line without a newline.
     */
    private Path generate(int copies) throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("nested/deeper"));
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> examples = Files.list(EXAMPLES)) {
            for (Path e : examples.filter(Files::isRegularFile).sorted().toList()) {
                docs.add(new YAMLMapper().readTree(e.toFile()));
                Files.copy(e, in.resolve((docs.size() % 2 == 0 ? "nested/" : "nested/deeper/") + e.getFileName()));
            }
        }
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < copies; i++) {
            ObjectNode d = (ObjectNode) docs.get(i % docs.size()).deepCopy();
            d.put("mailbox", "user" + i + "@example.com");
            jsonl.append(JSON.writeValueAsString(d)).append('\n');
            switch (i % 50) {
                case 7 -> jsonl.append("\n   \n");
                case 13 -> jsonl.append("{\"version\": 2, \"mailbox\": \"x@example.com\", \n");
                case 21 -> jsonl.append("{\"version\": 2, \"mailbox\": \"x@example.com\", \"colour\": \"blue\"}\n");
                case 33 -> jsonl.append("{\"version\": 9, \"mailbox\": \"x@example.com\"}\n");
                case 44 -> jsonl.append("\"").append("x".repeat(1_100_000)).append("\"\n");
                default -> { }
            }
        }
        // no final newline; a collectedAt, or the report would carry the time of the analysis
        jsonl.append("{\"version\": 1, \"mailbox\": \"last@example.com\", \"collectedAt\": \"2026-12-01T09:00:00Z\"}");
        Files.writeString(in.resolve("day.jsonl"), jsonl);
        Files.writeString(in.resolve("notes.txt"), "not facts");
        Files.writeString(in.resolve(".hidden.yaml"), "version: 1\nmailbox: hidden@example.com\n");
        return in;
    }

    @Test
    void recordsAndSummaryAreAnalyzesOnTheSameInput() throws Exception {
        Path in = generate(400);
        Path out = tmp.resolve("out");
        String[] inputs = {in.toString(), in.resolve("notes.txt").toString(), tmp.resolve("missing.yaml").toString()};

        List<String> args = new ArrayList<>(List.of("--rules", "../rules", "--kb", "../knowledge-base", "--out", out.toString(),
                // pieces of 64 KiB: the JSON lines file is read as dozens of ranges, in parallel
                "--split-bytes", "65536"));
        args.addAll(List.of(inputs));
        int code = AnalyzeJob.run(spark, args.toArray(String[]::new));

        List<String> expected = analyze(Stream.concat(Stream.of("--rules", "../rules", "--kb", "../knowledge-base"),
                Stream.of(inputs)).toArray(String[]::new));
        List<String> actual = records(out);
        assertThat(actual).hasSize(expected.size());
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(code).as("some documents are errors").isEqualTo(JobOptions.SOME_ERRORS);
        assertThat(actual).anyMatch(r -> r.contains("day.jsonl:") && r.contains("document too large"))
                .anyMatch(r -> r.contains("\"source\":\"" + in + "/notes.txt\"") && r.contains("unsupported file type"))
                .anyMatch(r -> r.contains("missing.yaml") && r.contains("no such file or folder"))
                .noneMatch(r -> r.contains("hidden@example.com"));

        JsonNode summary = JSON.readTree(out.resolve("_SUMMARY.json").toFile());
        long errors = expected.stream().filter(r -> r.contains("\"error\":")).count();
        assertThat(summary.get("documents").asLong()).isEqualTo(expected.size());
        assertThat(summary.get("errors").asLong()).isEqualTo(errors);
        assertThat(summary.get("reports").asLong()).isEqualTo(expected.size() - errors);
        long mxInvalid = expected.stream().filter(r -> r.contains("\"rootCauses\":[") && r.replaceAll(".*\"rootCauses\":\\[([^]]*)].*", "$1")
                .contains("\"MX_INVALID\"")).count();
        assertThat(summary.get("rootCauses").get("MX_INVALID").asLong()).isEqualTo(mxInvalid);
    }

    @Test
    void lineNumbersStayTheFilesWhateverTheRanges() throws Exception {
        Path in = generate(120);
        Path whole = tmp.resolve("whole");
        Path pieces = tmp.resolve("pieces");
        String file = in.resolve("day.jsonl").toString();
        AnalyzeJob.run(spark, "--out", whole.toString(), file);
        for (int split : new int[] {300, 4096}) {
            AnalyzeJob.run(spark, "--out", pieces.toString(), "--overwrite", "--split-bytes", String.valueOf(split), file);
            assertThat(records(pieces)).as("ranges of %d bytes", split).containsExactlyElementsOf(records(whole));
        }
        assertThat(records(whole)).anyMatch(r -> r.startsWith("{\"source\":\"" + file + ":1\""));
    }

    @Test
    void frenchReportsAsAnalyzeWritesThem() throws Exception {
        Path out = tmp.resolve("fr");
        int code = AnalyzeJob.run(spark, "--lang", "fr", "--out", out.toString(), EXAMPLES.toString());
        assertThat(code).isEqualTo(JobOptions.OK);
        assertThat(records(out)).containsExactlyElementsOf(analyze("--lang", "fr", EXAMPLES.toString()))
                .anyMatch(r -> r.contains("\"language\":\"fr\""));
    }

    @Test
    void anExistingOutputFolderIsRefusedUnlessOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "precious");
        assertThat(AnalyzeJob.run(spark, "--out", out.toString(), EXAMPLES.toString())).isEqualTo(JobOptions.USAGE);
        assertThat(out.resolve("keep.txt")).hasContent("precious");
        assertThat(AnalyzeJob.run(spark, "--overwrite", "--out", out.toString(), EXAMPLES.toString())).isEqualTo(JobOptions.OK);
        assertThat(out.resolve("keep.txt")).doesNotExist();
    }

    @Test
    void rulesThatDoNotCompileStopTheJobBeforeAnyOutput() throws Exception {
        Path rules = tmp.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("../rules"))) {
            for (Path f : files.toList()) {
                Path target = rules.resolve(Path.of("../rules").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(rules.resolve("broken.drl"), "package exdiag;\nrule \"half\"\nwhen\n    Mailbox( \nthen\nend\n");
        Path out = tmp.resolve("never");
        assertThat(AnalyzeJob.run(spark, "--rules", rules.toString(), "--out", out.toString(), EXAMPLES.toString()))
                .isEqualTo(JobOptions.USAGE);
        assertThat(AnalyzeJob.run(spark, "--lang", "de", "--out", out.toString(), EXAMPLES.toString())).isEqualTo(JobOptions.USAGE);
        assertThat(out).doesNotExist();
    }
}

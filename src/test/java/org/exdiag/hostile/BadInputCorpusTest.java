package org.exdiag.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.DocumentSource;
import org.exdiag.batch.Outcome;
import org.exdiag.config.ConfigYaml;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of src/test/resources/bad-input/ gives the one-line error its manifest expects, quickly,
 * and in a batch every other document is still analyzed.
 */
class BadInputCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-input");

    @TempDir
    Path tmp;

    private static JsonNode manifest() throws Exception {
        try (InputStream in = Files.newInputStream(CORPUS.resolve("expected.yaml"))) {
            return ConfigYaml.mapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachBadDocumentGetsAClearOneLineError() throws Exception {
        FactsReader reader = new FactsReader();
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = manifest().fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode expected = entry.getValue();
            tests.add(DynamicTest.dynamicTest(name, () -> assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                byte[] bytes = Files.readAllBytes(CORPUS.resolve(name));
                FactsFormat format = FactsFormat.forFileName(name).orElseThrow();
                if (expected.isTextual() && expected.asText().equals("ok")) {
                    assertThat(reader.read(bytes, format).mailbox()).isNotBlank();
                    return;
                }
                FactsException e = org.assertj.core.api.Assertions.catchThrowableOfType(FactsException.class,
                        () -> reader.read(bytes, format));
                assertThat(e).as(name + " must be refused").isNotNull();
                assertThat(e.getMessage()).as(name).doesNotContain("\n").isNotBlank().hasSizeLessThan(400)
                        .contains(expected.get("message").asText());
                JsonNode field = expected.get("field");
                assertThat(e.field()).as(name + ": field").isEqualTo(field == null || field.isNull() ? null : field.asText());
            })));
        }
        return tests.stream();
    }

    @Test
    void theCorpusInABatchLosesNothing() throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("expected.yaml")).toList()) {
                Files.copy(f, batch.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("examples/spam-blocked.yaml"), batch.resolve("m-good.yaml"));
        Files.copy(Path.of("examples/healthy-private.json"), batch.resolve("z-good.json"));
        BatchAnalysis analysis = new BatchAnalysis(new FactsReader(), TestSupport.expertise(), Language.EN);
        List<Outcome> outcomes = new ArrayList<>();
        try (DocumentSource docs = new DocumentSource(List.of(batch.toString()), 1 << 20)) {
            docs.forEachRemaining(d -> outcomes.add(analysis.analyze(d)));
        }
        assertThat(outcomes).hasSize(25);
        assertThat(outcomes.stream().filter(o -> !o.failed()).map(Outcome::source))
                .containsExactly(batch + "/m-good.yaml", batch + "/utf16-bom.json", batch + "/z-good.json");
        assertThat(outcomes.stream().filter(Outcome::failed))
                .allSatisfy(o -> assertThat(o.source()).startsWith(batch.toString()))
                .allSatisfy(o -> assertThat(o.errorMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void aOneGigabyteFileIsRefusedWithoutBeingRead() throws Exception {
        Path huge = tmp.resolve("huge.json");
        try (FileChannel ch = FileChannel.open(huge, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'{'}), (1L << 30) - 1); // sparse: takes no disk
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (DocumentSource docs = new DocumentSource(List.of(huge.toString()), 1 << 20)) {
                Outcome o = new BatchAnalysis(new FactsReader(), TestSupport.expertise(), Language.EN).analyze(docs.next());
                assertThat(o.errorMessage()).isEqualTo("document too large: 1073741824 bytes (limit 1048576)");
            }
        });
    }

    @Test
    void aOneGigabyteJsonLineIsSkippedWithoutBeingBuffered() throws Exception {
        Path lines = tmp.resolve("lines.jsonl");
        try (var out = Files.newOutputStream(lines)) {
            out.write("{\"version\":1,\"mailbox\":\"first@example.com\"}\n".getBytes());
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 64; i++) { // 64 MiB line: enough to show it is streamed, quick to write
                out.write(chunk);
            }
            out.write("\n{\"version\":1,\"mailbox\":\"last@example.com\"}\n".getBytes());
        }
        List<Outcome> outcomes = new ArrayList<>();
        BatchAnalysis analysis = new BatchAnalysis(new FactsReader(), TestSupport.expertise(), Language.EN);
        long before = usedHeap();
        try (DocumentSource docs = new DocumentSource(List.of(lines.toString()), 1 << 20)) {
            docs.forEachRemaining(d -> outcomes.add(analysis.analyze(d)));
        }
        assertThat(outcomes).extracting(Outcome::source).containsExactly(lines + ":1", lines + ":2", lines + ":3");
        assertThat(outcomes.get(1).errorMessage()).startsWith("document too large: 67108864 bytes");
        assertThat(outcomes.get(2).report().mailbox()).isEqualTo("last@example.com");
        assertThat(usedHeap() - before).as("heap growth").isLessThan(48L << 20);
    }

    @Test
    void hugeStringsAreRefused() {
        String doc = "{\"version\":1,\"mailbox\":\"jane@example.com\",\"auth\":{\"imap\":{\"result\":\"ok\",\"detail\":\""
                + "A".repeat(200_000) + "\"}}}";
        FactsException e = org.assertj.core.api.Assertions.catchThrowableOfType(FactsException.class,
                () -> new FactsReader().read(doc.getBytes(), FactsFormat.JSON));
        assertThat(e.getMessage()).contains("limit");
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

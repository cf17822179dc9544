package org.exdiag.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSourceTest {
    @TempDir
    Path dir;

    /** "source: text" or "source: error message" per document. */
    private static List<String> shown(Iterator<Document> docs) {
        List<String> out = new ArrayList<>();
        docs.forEachRemaining(d -> out.add(d.source() + ": " + (d.unreadable() != null
                ? "error " + d.unreadable().getMessage() : new String(d.bytes(), StandardCharsets.UTF_8))));
        return out;
    }

    private static List<String> lines(String text, int maxBytes) {
        return shown(new JsonLinesReader("in", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes));
    }

    @Test
    void jsonLinesKeepLineNumbersAcrossBlankLinesAndEndWithOrWithoutANewline() {
        assertThat(lines("{\"a\":1}\n\n  \r\n{\"b\":2}\r\n{\"c\":3}", 100))
                .containsExactly("in:1: {\"a\":1}", "in:4: {\"b\":2}\r", "in:5: {\"c\":3}");
        assertThat(lines("{\"a\":1}\n", 100)).containsExactly("in:1: {\"a\":1}");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void anOverLongLineIsOneErrorAndTheNextLineIsReadWhole() {
        String tooLong = "x".repeat(11);
        assertThat(lines("1234567890\n" + tooLong + "\n{}\n", 10))
                .containsExactly("in:1: 1234567890", "in:2: error document too large: 11 bytes (limit 10)", "in:3: {}");
    }

    @Test
    void linesLongerThanTheReadBufferArriveWhole() {
        String big = "{\"k\":\"" + "é".repeat(100_000) + "\"}"; // 200 KB, read in pieces of 64 KiB
        InputStream trickle = new ByteArrayInputStream((big + "\n" + big).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000)); // a stream that hands out little at a time
            }
        };
        List<String> docs = shown(new JsonLinesReader("in", trickle, 1 << 20));
        assertThat(docs).containsExactly("in:1: " + big, "in:2: " + big);
    }

    @Test
    void foldersAreWalkedInNameOrderSkippingHiddenAndUnsupportedFiles() throws Exception {
        Files.createDirectories(dir.resolve("b/sub"));
        Files.writeString(dir.resolve("b/sub/z.json"), "{}");
        Files.writeString(dir.resolve("b/a.yaml"), "y: 1");
        Files.writeString(dir.resolve("a.json"), "{\"first\":true}");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Files.writeString(dir.resolve(".hidden.json"), "ignored");
        Files.createDirectories(dir.resolve("c.json")); // a folder with a facts-like name is still a folder
        Files.writeString(dir.resolve("c.json/inner.jsonl"), "{}\n{}\n");
        try (DocumentSource source = new DocumentSource(List.of(dir.toString()), 1000)) {
            assertThat(shown(source)).containsExactly(
                    dir + "/a.json: {\"first\":true}",
                    dir + "/b/a.yaml: y: 1",
                    dir + "/b/sub/z.json: {}",
                    dir + "/c.json/inner.jsonl:1: {}",
                    dir + "/c.json/inner.jsonl:2: {}");
        }
    }

    @Test
    void missingUnsupportedAndOversizedFilesAreErrorDocuments() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "text");
        Files.writeString(dir.resolve("big.json"), "{\"k\":\"" + "v".repeat(100) + "\"}");
        Files.writeString(dir.resolve("ok.json"), "{}");
        List<String> paths = List.of(dir + "/gone.json", dir + "/gone", dir + "/notes.txt", dir + "/big.json",
                dir + "/gone.jsonl", dir + "/ok.json");
        try (DocumentSource source = new DocumentSource(paths, 50)) {
            assertThat(shown(source)).containsExactly(
                    dir + "/gone.json: error no such file or folder",
                    dir + "/gone: error no such file or folder",
                    dir + "/notes.txt: error unsupported file type (expected .json, .yaml, .yml or .jsonl)",
                    dir + "/big.json: error document too large: 108 bytes (limit 50)",
                    dir + "/gone.jsonl: error no such file or folder",
                    dir + "/ok.json: {}");
        }
    }

    /** The documents of {@code paths} with {@code input} as standard input: "source format: text" or an error. */
    private static List<String> withStandardInput(String input, int maxBytes, String... paths) {
        InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        try (DocumentSource source = new DocumentSource(List.of(paths), maxBytes, in)) {
            source.forEachRemaining(d -> out.add(d.unreadable() != null ? d.source() + ": error " + d.unreadable().getMessage()
                    : d.source() + " " + d.format() + ": " + new String(d.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void standardInputOfJsonLinesIsReadLineByLine() {
        assertThat(withStandardInput("\n{\"a\":1}\n{\"b\":2}\n", 100, "-")).containsExactly(
                "-:2 JSON: {\"a\":1}", "-:3 JSON: {\"b\":2}");
    }

    @Test
    void standardInputOfOneDocumentIsReadWholeAsJsonOrYaml() {
        assertThat(withStandardInput("{\n  \"a\": 1\n}\n", 100, "-")).containsExactly("- JSON: {\n  \"a\": 1\n}\n");
        assertThat(withStandardInput("version: 2\nmailbox: a@b\n", 100, "-"))
                .containsExactly("- YAML: version: 2\nmailbox: a@b\n");
        assertThat(withStandardInput("version: 2\n" + "x".repeat(200), 100, "-"))
                .containsExactly("-: error document too large: more than 100 bytes (limit 100)");
    }

    @Test
    void standardInputTakesItsPlaceAmongThePaths() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("-"), "a file named -"); // ./- names it; - alone is standard input
        assertThat(withStandardInput("{\"s\":1}", 100, dir + "/a.json", "-", dir + "/a.json")).containsExactly(
                dir + "/a.json JSON: {}", "-:1 JSON: {\"s\":1}", dir + "/a.json JSON: {}");
    }
}

package org.exdiag.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.exdiag.TestSupport;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.BatchRecord;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;

/**
 * Mutated versions of valid facts documents (bytes flipped, cut, repeated, spliced with syntax) always
 * get a report or an error record: never an exception, never a hang.
 */
class MutatedFactsFuzzTest {
    private static final List<String> SEEDS = List.of("examples/spam-blocked.yaml", "examples/subscription-expired.json",
            "examples/security-lockout.yaml", "examples/provider-disagrees.yaml", "examples/healthy-private.json");
    private static final ExecutorService WATCHDOG = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final BatchAnalysis analysis = new BatchAnalysis(new FactsReader(), TestSupport.expertise(), Language.EN);

    record Mutation(int seed, int kind, int position, int length, int value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1 << 16),
                Arbitraries.integers().between(1, 64), Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 400)
    void analysisAlwaysAnswersWithAReportOrAnErrorRecord(@ForAll("mutations") List<Mutation> mutations) throws Exception {
        Path seed = Path.of(SEEDS.get(mutations.get(0).seed()));
        byte[] doc = Files.readAllBytes(seed);
        for (Mutation m : mutations) {
            doc = apply(doc, m);
        }
        byte[] input = doc;
        FactsFormat format = FactsFormat.forFileName(seed.toString()).orElseThrow();
        Future<String> record = WATCHDOG.submit(() ->
                BatchRecord.of(analysis.analyze(new org.exdiag.batch.Document("fuzz", input, format, null))));
        String line = record.get(5, TimeUnit.SECONDS); // a hang fails here
        assertThat(line).startsWith("{\"source\":\"fuzz\",").containsAnyOf("\"report\":", "\"error\":");
    }

    private static final String[] SYNTAX = {"{", "}", "[", "]", ":", ",", "\"", "'", "&a ", "*a", "!!str ", "\n", "- ", "null",
            "\\u0000", "1e999", "-", "#"};

    static byte[] apply(byte[] doc, Mutation m) {
        if (doc.length == 0) {
            return new byte[] {(byte) m.value()};
        }
        int at = m.position() % doc.length;
        int len = Math.min(m.length(), doc.length - at);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        switch (m.kind()) {
            case 0 -> { // flip a byte
                byte[] copy = doc.clone();
                copy[at] = (byte) m.value();
                return copy;
            }
            case 1 -> { // delete a range
                out.write(doc, 0, at);
                out.write(doc, at + len, doc.length - at - len);
            }
            case 2 -> { // repeat a range
                out.write(doc, 0, at + len);
                out.write(doc, at, len);
                out.write(doc, at + len, doc.length - at - len);
            }
            case 3 -> { // insert syntax
                out.write(doc, 0, at);
                out.writeBytes(SYNTAX[m.value() % SYNTAX.length].getBytes());
                out.write(doc, at, doc.length - at);
            }
            case 4 -> { // truncate
                out.write(doc, 0, at);
            }
            default -> { // swap two ranges' bytes with a digit
                byte[] copy = doc.clone();
                for (int i = at; i < at + len; i++) {
                    copy[i] = (byte) ('0' + (m.value() % 10));
                }
                return copy;
            }
        }
        return out.toByteArray();
    }

    @AfterContainer
    static void stopWatchdog() {
        WATCHDOG.shutdownNow();
    }
}

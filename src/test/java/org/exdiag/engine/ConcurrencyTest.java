package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.junit.jupiter.api.Test;

/** One compiled rule base shared by many threads gives each document the same report as one thread does. */
class ConcurrencyTest {
    @Test
    void sharedRuleBaseGivesTheSameReportsOnManyThreads() throws Exception {
        Expertise expertise = TestSupport.expertise();
        FactsReader reader = new FactsReader();
        List<FactsDocument> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                docs.add(reader.read(Files.readAllBytes(f), FactsFormat.forFileName(f.toString()).orElseThrow()));
            }
        }
        List<Report> expected = docs.stream().map(d -> expertise.report(d, Language.EN)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (FactsDocument d : docs) {
                    futures.add(pool.submit(() -> expertise.report(d, Language.EN)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % docs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

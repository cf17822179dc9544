package org.exdiag.bench;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks still run and measure something. A correctness check only: no timing is asserted
 * (timings come from docs/bench/*.sh, see docs/performance.md).
 */
@Tag("slow")
class BenchmarkSmokeTest {
    @Test
    void engineBenchmarkRuns() throws Exception {
        Options options = new OptionsBuilder().include(EngineBenchmark.class.getSimpleName()).forks(0)
                .warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(9); // 3 benchmarks x 3 documents
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void engineRatioRuns() throws Exception {
        String line = EngineRatio.measure("one-cause", 2, Duration.ZERO, Duration.ofMillis(400));
        assertThat(line).startsWith("one-cause").contains("baseline").contains("report").contains("rulesOnly")
                .containsPattern("ratio report/baseline [0-9]+\\.[0-9]{2}");
    }

    @Test
    void buildsInTurnsMeasuresBothBuilds() throws Exception {
        String thisBuild = System.getProperty("java.class.path");
        List<String> lines = BuildsInTurns.measure(thisBuild, thisBuild, "healthy", 1, Duration.ZERO, Duration.ofSeconds(3));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("A healthy");
        assertThat(lines.get(1)).startsWith("B healthy");
        assertThat(lines).allSatisfy(l -> assertThat(l).containsPattern("report [1-9][0-9,]*/s")
                .containsPattern("ratio report/baseline [0-9]+\\.[0-9]{3}"));
    }

    @Test
    void analyzePhasesRuns() throws Exception {
        List<String> lines = AnalyzePhases.measure(java.nio.file.Path.of("examples/incident-suspected.json"), 1, 20);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("read").contains("rules").contains("knowledge").contains("write");
        assertThat(lines.get(1)).startsWith("bytes allocated per document:");
    }

    @Test
    void rulePhasesRuns() throws Exception {
        List<String> lines = RulePhases.measure(java.nio.file.Path.of("src/test/resources/bench/five-warnings.yaml"), 30);
        assertThat(lines).hasSize(9);
        assertThat(lines.get(3)).startsWith("fire").containsPattern("[0-9]+\\.[0-9]{2} us +[0-9.]+ %");
        assertThat(lines.get(8)).startsWith("analyze");
    }

    @Test
    void analysisCpuRuns() throws Exception {
        String line = AnalysisCpu.measure(java.nio.file.Path.of("examples/incident-suspected.json"), 2,
                Duration.ZERO, Duration.ofMillis(300));
        assertThat(line).startsWith("analysis alone, 2 threads:").containsPattern("[0-9.]+ us CPU per analysis");
    }

    @Test
    void httpFloorAnswersWhatTheAnalyzeRouteWould() throws Exception {
        java.nio.file.Path facts = java.nio.file.Path.of("examples/incident-suspected.json");
        io.javalin.Javalin floor = HttpFloor.start(0, facts);
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + floor.port() + "/api/v1/analyze"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(facts)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(answer.body()).contains("\"INFRASTRUCTURE_INCIDENT_SUSPECTED\"");
        } finally {
            floor.stop();
        }
    }

    @Test
    void diagnoseTimingRuns() throws Exception {
        List<String> lines = DiagnoseTiming.measure(1, Duration.ofMillis(300));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("healthy: median").contains("received true");
        assertThat(lines.get(1)).contains("mx timeout");
    }
}

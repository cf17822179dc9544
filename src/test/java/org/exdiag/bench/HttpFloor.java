package org.exdiag.bench;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.http.Answers;
import org.exdiag.http.Jetty;
import org.exdiag.http.Metrics;
import org.exdiag.http.ServerSettings;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWriter;

/**
 * The HTTP floor of an analyze request: a server set up as {@code exdiag serve} is (same Javalin and
 * Jetty configuration, access log and metrics) whose {@code POST /api/v1/analyze} reads the body as the
 * real route does and answers the very bytes the real route answers for that document, written once at
 * start. Everything an analyze request costs but the analysis. Run by docs/bench/http.sh:
 * {@code java -cp ... org.exdiag.bench.HttpFloor PORT FACTS.json}.
 */
public final class HttpFloor {
    private HttpFloor() {
    }

    public static void main(String[] args) throws Exception {
        start(Integer.parseInt(args[0]), Path.of(args[1]));
    }

    public static Javalin start(int port, Path factsFile) throws Exception {
        byte[] answer = answerFor(factsFile);
        ServerSettings settings = new ServerSettings("127.0.0.1", port, null, 1 << 20, 1 << 20,
                Duration.ofSeconds(30), 16 * 1024, 2, List.of(), false); // serve's defaults
        Javalin app = Javalin.create(config -> Jetty.configure(config, settings, new Metrics()));
        app.post("/api/v1/analyze", ctx -> {
            Answers.boundedBody(ctx, settings.maxBodyBytes());
            Answers.send(ctx, 200, answer);
        });
        return app.start();
    }

    /** The JSON the analyze route answers for this document (English, the bundled rules). */
    static byte[] answerFor(Path factsFile) throws Exception {
        FactsDocument facts = new FactsReader().read(Files.readAllBytes(factsFile), FactsFormat.JSON);
        return ReportWriter.json().writeValueAsBytes(org.exdiag.TestSupport.expertise().report(facts, Language.EN));
    }
}

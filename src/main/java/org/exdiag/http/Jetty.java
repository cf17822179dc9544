package org.exdiag.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Javalin and Jetty as exdiag serves them: thread pool, limits, connector, static files, access log and
 * metrics. Public for the benchmark's floor server (docs/bench/http.sh), so that the floor it measures is
 * this server's, routes aside.
 */
public final class Jetty {
    private static final Logger ACCESS = LoggerFactory.getLogger("exdiag.access");

    private Jetty() {
    }

    public static void configure(JavalinConfig config, ServerSettings settings, Metrics metrics) {
        config.showJavalinBanner = false;
        // Analyses are CPU-bound: two threads per core serve more, with shorter tails, than Jetty's
        // default of 200 time-slicing over two cores (docs/performance.md: 200 -> 18 -> 10 threads on
        // 2 cores). The 4 more cover Jetty's acceptor and selector, which come out of this pool, and
        // a spare pair; live diagnostics wait on the network and get one each (--diagnose-concurrency).
        int cores = Runtime.getRuntime().availableProcessors();
        config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(
                Integer.getInteger("exdiag.http.threads", cores * 2 + 4 + settings.diagnoseConcurrency()),
                Math.min(8, cores * 2), 60_000);
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(settings.maxHeaderBytes());
            http.setSendServerVersion(false);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.bind());
            connector.setPort(settings.port());
            connector.setIdleTimeout(settings.idleTimeout().toMillis());
            return connector;
        });
        config.requestLogger.http((ctx, ms) -> {
            String route = routeOf(ctx);
            metrics.request(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
            ACCESS.info("{} {} {} {}ms", ctx.method(), route, ctx.statusCode(), Math.round(ms));
        });
    }

    /** The route pattern, never the raw path: labels and logs stay bounded and free of request data. */
    static String routeOf(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            return ctx.statusCode() == 404 ? "(unmatched)" : "(static)";
        }
    }
}

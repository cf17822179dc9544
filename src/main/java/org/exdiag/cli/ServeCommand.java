package org.exdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.http.ApiServer;
import org.exdiag.http.FolderWatcher;
import org.exdiag.http.RuleBaseHolder;
import org.exdiag.http.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code exdiag serve}: the HTTP endpoint and web page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve reports over HTTP and the web page at /. Rules reload on POST /api/v1/rules/reload "
                + "(token), on SIGHUP, and with --watch when the folders change; a broken reload keeps the old rules."})
final class ServeCommand extends ExdiagCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token for live diagnostics and reloads (without it those routes are closed).")
    Path tokenFile;

    @Option(names = "--watch", description = "Reload when a file of the rules or knowledge-base folder changes.")
    boolean watch;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest facts document accepted (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Drop a client silent this long (default: ${DEFAULT-VALUE}).")
    int idleTimeout;

    @Option(names = "--diagnose-concurrency", paramLabel = "N", defaultValue = "2",
            description = "Live diagnostics at once (default: ${DEFAULT-VALUE}).")
    int diagnoseConcurrency;

    @Option(names = "--diagnose-allow", paramLabel = "HOST", split = ",",
            description = "Hosts live diagnostics may connect to, besides the provider's servers of the rules' expected-values.yaml (e.g. exchange.example.com, *.example.com).")
    List<String> diagnoseAllow = new java.util.ArrayList<>();

    @Option(names = "--diagnose-lab", description = "Let diagnose requests point the probes elsewhere (tests, staging only).")
    boolean diagnoseLab;

    @Mixin
    OvhOptions ovh = new OvhOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = err();
        RulesOptions.Folder rules = folders.rulesFolder();
        RulesOptions.Folder kb = folders.kbFolder();
        RuleBaseHolder holder;
        try {
            holder = new RuleBaseHolder(new RuleBaseHolder.Source(rules.path(), rules.shown(), kb.path(), kb.shown()));
        } catch (LoadException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            throw e;
        }
        String token = null;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                err.println("error: cannot read the token file " + tokenFile + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        ServerSettings settings = new ServerSettings(bind, port, token, maxBody, 1 << 20, Duration.ofSeconds(idleTimeout),
                16 * 1024, diagnoseConcurrency, List.copyOf(diagnoseAllow), diagnoseLab);
        org.exdiag.probe.AccountSource accounts;
        try {
            accounts = ovh.keysGiven() ? ovh.accountSource(spec.commandLine(), Duration.ofSeconds(15), Duration.ofSeconds(60)) : null;
        } catch (org.exdiag.probe.ProbeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ApiServer server = new ApiServer(settings, holder, accounts);
        Runnable reload = () -> {
            RuleBaseHolder.ReloadResult r = holder.reload();
            server.metrics().reload(r.reloaded());
            if (r.reloaded()) {
                LOG.info("rules reloaded, version {}", r.version());
            } else {
                LOG.warn("reload refused, still serving {}: {}", r.version(),
                        r.problems().stream().map(Problem::toString).toList());
            }
        };
        onSighup(reload);
        FolderWatcher watcher = watch && !rules.shown().startsWith("(bundled)")
                ? new FolderWatcher(List.of(rules.path(), kb.path()), reload) : null;
        server.start();
        err.printf("exdiag: serving on http://%s:%d/ (rules %s (%s), knowledge base %s)%n", bind.contains(":") ? "[" + bind + "]" : bind,
                server.port(), rules.shown(), holder.version(), kb.shown());
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "exdiag-shutdown"));
        stopped.await();
        if (watcher != null) {
            watcher.close();
        }
        return ExitCodes.OK;
    }

    /** SIGHUP reloads, as daemons do; where the JVM offers no signals, only the HTTP route and --watch do. */
    private static void onSighup(Runnable reload) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> reload.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.warn("SIGHUP reload unavailable: {}", e.getMessage());
        }
    }
}

package org.exdiag.probe;

import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.FactsBuilder;

/** Logging in to the mailbox over IMAP, in the run's one IMAP session (the inbound test reads from it). */
final class ImapLoginProbe extends LoginProbe {
    ImapLoginProbe() {
        super("imap login", "auth.imap");
    }

    @Override
    protected CompletableFuture<AuthCheck> start(ProbeRun run) {
        return CompletableFuture.supplyAsync(() -> run.imap().login(run.mailbox(), run.password()), run.pool());
    }

    @Override
    protected void fill(FactsBuilder facts, AuthCheck seen, ProbeRun run) {
        facts.imap = seen;
    }
}

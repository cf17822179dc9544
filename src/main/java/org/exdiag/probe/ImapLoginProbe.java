package org.exdiag.probe;

import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.AuthResult;
import org.exdiag.facts.FactsBuilder;

/** Logging in to the mailbox over IMAP, in the run's one IMAP session (the inbound test reads from it). */
final class ImapLoginProbe extends Probe<AuthCheck> {
    ImapLoginProbe() {
        super("imap login", "auth.imap");
    }

    @Override
    protected CompletableFuture<AuthCheck> start(ProbeRun run) {
        return CompletableFuture.supplyAsync(() -> run.imap().login(run.mailbox(), run.password()), run.pool());
    }

    @Override
    protected AuthCheck notFinished(ProbeRun run) {
        return new AuthCheck(AuthResult.ERROR, "not finished in time");
    }

    @Override
    protected AuthCheck failed(ProbeRun run) {
        return new AuthCheck(AuthResult.ERROR, "error");
    }

    @Override
    protected void fill(FactsBuilder facts, AuthCheck seen, ProbeRun run) {
        facts.imap(seen);
    }

    @Override
    protected String outcome(AuthCheck c) {
        return c.result().wire();
    }
}

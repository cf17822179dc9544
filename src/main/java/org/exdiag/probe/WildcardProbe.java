package org.exdiag.probe;

import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.FactsBuilder;

/**
 * The wildcard check ({@link WildcardCheck}) as a probe of a run: fills {@code client.wildcard}; a check
 * not finished in time, or failed, leaves it null (not checked), never true or false.
 */
public final class WildcardProbe extends Probe<Boolean> {
    public WildcardProbe() {
        super("dns wildcard", "client.wildcard");
    }

    @Override
    protected CompletableFuture<Boolean> start(ProbeRun run) {
        return new WildcardCheck(run.dns()).check(run.domain());
    }

    @Override
    protected Boolean notFinished(ProbeRun run) {
        return null;
    }

    @Override
    protected void fill(FactsBuilder facts, Boolean seen, ProbeRun run) {
        facts.wildcard = seen;
    }

    @Override
    protected String outcome(Boolean seen) {
        return seen == null ? "not checked" : seen ? "a random name resolves" : "none";
    }
}

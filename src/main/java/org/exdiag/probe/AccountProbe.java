package org.exdiag.probe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.Offer;

/**
 * What the provider holds about the account (its flags, its own diagnosis, its offer, the DKIM selectors
 * it lists), from an {@link AccountSource}; and the setup the facts expect: what the user said, completed
 * by what the provider says. Without a source, only what the user said.
 */
final class AccountProbe extends Probe<AccountSource.View> {
    private static final AccountSource.View NONE = new AccountSource.View(null, null, null, null, List.of());

    private final AccountSource source;

    AccountProbe(AccountSource source) {
        super("account and provider", "account");
        this.source = source;
    }

    @Override
    protected CompletableFuture<AccountSource.View> start(ProbeRun run) {
        if (source == null) {
            return CompletableFuture.completedFuture(NONE);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return source.fetch(run.mailbox(), run.password());
            } catch (ProbeException e) {
                return new AccountSource.View(null, null, null, null, List.of(new CouldNotCheckFacts("account", e.getMessage())));
            }
        }, run.pool());
    }

    @Override
    protected AccountSource.View notFinished(ProbeRun run) {
        return new AccountSource.View(null, null, null, null, List.of(new CouldNotCheckFacts("account",
                "not finished within the diagnostic's time")));
    }

    @Override
    protected AccountSource.View failed(ProbeRun run) {
        return NONE; // the run lists the account as could-not-check ("error")
    }

    @Override
    protected void fill(FactsBuilder facts, AccountSource.View view, ProbeRun run) {
        facts.account = view.account();
        facts.provider = view.provider();
        facts.couldNotCheck(view.problems());
        facts.expect = expectation(run.settings(), view);
    }

    /** What the user said about the setup, completed by what the provider says (the user wins). */
    private static Expectation expectation(DiagnosticSettings settings, AccountSource.View view) {
        Expectation given = settings.expect();
        if (view.offer() == null || settings.offerGiven()) {
            return given;
        }
        String privateHost = view.offer() == Offer.PRIVATE ? view.host() : null;
        return new Expectation(view.offer(), given.mailSetup(), privateHost);
    }

    @Override
    protected String outcome(AccountSource.View v) {
        return v.problems().isEmpty() ? "ok"
                : "could not check: " + v.problems().stream().map(CouldNotCheckFacts::reason).collect(Collectors.joining("; "));
    }
}

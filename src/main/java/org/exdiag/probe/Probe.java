package org.exdiag.probe;

import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.FactsBuilder;

/**
 * One probe of a live diagnostic, in one shape: it starts its work (waiting, if it must, for another
 * probe's result through the run), says what it saw when it could not finish in time or failed, fills
 * its part of the facts, and says how it ended in a few words. A probe records; the rules decide.
 *
 * @param <T> what the probe saw
 */
public abstract class Probe<T> {
    private final String name;
    private final String part;

    /**
     * @param name what the progress line calls it ("dns mx")
     * @param part the part of the facts it fills, as {@code couldNotCheck} names it ("dns.mx")
     */
    protected Probe(String name, String part) {
        this.name = name;
        this.part = part;
    }

    public final String name() {
        return name;
    }

    public final String part() {
        return part;
    }

    /** Starts the work; the future ends with what the probe saw. */
    protected abstract CompletableFuture<T> start(ProbeRun run);

    /** What the probe saw when it did not finish in time: "could not check", never a verdict. */
    protected abstract T notFinished(ProbeRun run);

    /**
     * What the probe saw when its work failed with an exception (a bug, or a library's surprise): as
     * when it did not finish, unless the probe has a way to say "error". The run logs the exception and
     * lists the part as could-not-check for reason "error"; no report ever shows the exception.
     */
    protected T failed(ProbeRun run) {
        return notFinished(run);
    }

    /** Puts what was seen into the facts. */
    protected abstract void fill(FactsBuilder facts, T seen, ProbeRun run);

    /** How it ended, for the progress line ("ok", "nxdomain", "sent"). */
    protected abstract String outcome(T seen);
}

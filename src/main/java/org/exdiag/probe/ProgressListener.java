package org.exdiag.probe;

import java.time.Duration;

/** Told as each probe finishes, from the probe's thread. */
@FunctionalInterface
public interface ProgressListener {
    void finished(String probe, String outcome, Duration took);

    ProgressListener NONE = (probe, outcome, took) -> { };
}

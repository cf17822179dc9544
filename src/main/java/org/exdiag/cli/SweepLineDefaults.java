package org.exdiag.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What a sweep's input lines leave out (their offer, mail setup, DKIM selectors): options of
 * {@code exdiag sweep} and of the Spark sweep job alike (a picocli mixin), read as text and checked where
 * the input is built.
 */
public final class SweepLineDefaults {
    @Option(names = "--offer", paramLabel = "hosted|private", description = "The offer of lines that do not say (default: the rules' default, hosted).")
    String offer;

    @Option(names = "--setup", paramLabel = "SETUP",
            description = "The mail setup of lines that do not say: exchange-only, with-provider-pop-imap, with-external-pop-imap "
                    + "(default: unknown).")
    String setup;

    @Option(names = "--dkim-selector", paramLabel = "NAME", description = "A DKIM selector to look up for lines that name none, repeatable.")
    List<String> dkimSelectors = new ArrayList<>();

    /** {@code --offer} as given, or null. */
    public String offer() {
        return offer;
    }

    /** {@code --setup} as given, or null. */
    public String setup() {
        return setup;
    }

    public List<String> dkimSelectors() {
        return dkimSelectors;
    }
}

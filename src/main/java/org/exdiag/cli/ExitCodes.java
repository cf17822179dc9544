package org.exdiag.cli;

/** The exit codes of cli-http-v1. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }
}

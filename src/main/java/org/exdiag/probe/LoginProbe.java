package org.exdiag.probe;

import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.AuthResult;

/** Logging in with the diagnostic's password somewhere (IMAP, the webmail): an error when it cannot finish. */
abstract class LoginProbe extends Probe<AuthCheck> {
    LoginProbe(String name, String part) {
        super(name, part);
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
    protected String outcome(AuthCheck c) {
        return c.result().wire() + " (" + c.detail() + ")";
    }
}

package org.exdiag.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.exdiag.facts.ConnectResult;

/** Names a network failure the way facts do, from the exception chain. */
final class Failures {
    private Failures() {
    }

    static ConnectResult connectResult(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return ConnectResult.REFUSED;
            }
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return ConnectResult.TIMEOUT;
            }
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return ConnectResult.TLS_ERROR;
            }
            if (t instanceof UnknownHostException) {
                return ConnectResult.ERROR;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ConnectResult.ERROR;
    }

    /** The connection failed (I/O error, timeout, TLS, closed without a reply), as opposed to a server's refusal. */
    static boolean isNetworkFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || String.valueOf(t.getMessage()).startsWith("[EOF]")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A short description of a failure, without anything the caller passed in (no password can be in it). */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}

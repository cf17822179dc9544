package org.exdiag.rules;

import java.util.List;
import java.util.Set;

/**
 * One URL Outlook tried for its settings ({@code client.autodiscover.attempts}), in Outlook's order
 * ({@code index}): its way ({@code method}: root-domain, autodiscover-host, http-redirect, srv), its host
 * (normalized), how the connection ended ({@code connect}), the certificate's status ({@code tls}, null for
 * http or no handshake) and names, the HTTP status, redirect and authentication schemes, and what the
 * Autodiscover answer said ({@code autodiscover}: the body was one; {@code settings}: it listed protocols
 * without an error). {@code ended} says in one word how the attempt ended, for the evidence and for
 * {@code definite}: an attempt that timed out or failed on our side is "could not check".
 */
public record AutodiscoverAttempt(int index, String method, String url, String host, String address, String connect, String tls,
                                  List<String> names, Integer status, String location, List<String> authMethods,
                                  boolean autodiscover, boolean settings, Integer errorCode, String redirect) {
    private static final Set<String> UNKNOWN = Set.of("timeout", "error", "tls-failed", "no-answer");

    /**
     * unresolved, refused, timeout, error (the connection); certificate (refused), tls-failed (no handshake);
     * no-answer; settings; autodiscover-error; redirect; unauthorized (401); autodiscover-empty; not-autodiscover.
     */
    public String ended() {
        if (!"ok".equals(connect)) {
            return connect;
        }
        if (tls != null && !"ok".equals(tls)) {
            return "handshake-failed".equals(tls) ? "tls-failed" : "certificate";
        }
        if (status == null) {
            return "no-answer";
        }
        if (settings) {
            return "settings";
        }
        if (autodiscover && errorCode != null) {
            return "autodiscover-error";
        }
        if (autodiscover && redirect != null || status >= 300 && status < 400) {
            return "redirect";
        }
        if (status == 401) {
            return "unauthorized";
        }
        return autodiscover ? "autodiscover-empty" : "not-autodiscover";
    }

    /** The index as text that sorts as the number does ("007"): evidence is sorted by its values' text. */
    public String order() {
        return String.format("%03d", index);
    }

    /** The attempt ended with something the server (or DNS) said, not with our own timeout or error. */
    public boolean isDefinite() {
        return !UNKNOWN.contains(ended());
    }

    /** The certificate's status when it did not check out (for the evidence), else null. */
    public String tlsProblem() {
        return tls == null || "ok".equals(tls) ? null : tls;
    }

    /** The redirect target, HTTP or Autodiscover, for the evidence. */
    public String redirectTarget() {
        return location != null ? location : redirect;
    }
}

package org.exdiag.rules;

/** The submission of the outbound test: server, port and how connecting ended (ok, refused, timeout, tls-error, error). */
public record SmtpSession(String host, Integer port, String connect) {
}

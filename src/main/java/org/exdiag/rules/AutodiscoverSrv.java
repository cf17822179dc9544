package org.exdiag.rules;

/** One _autodiscover._tcp SRV record; {@code target} normalized. */
public record AutodiscoverSrv(int priority, int weight, int port, String target) {
}

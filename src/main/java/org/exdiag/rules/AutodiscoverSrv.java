package org.exdiag.rules;

import org.exdiag.expected.ExpectedValues;

/** One _autodiscover._tcp SRV record; {@code target} normalized. */
public record AutodiscoverSrv(int priority, int weight, int port, String target) implements ExpectedValues.SrvFields {
}

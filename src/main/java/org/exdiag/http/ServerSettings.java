package org.exdiag.http;

import java.time.Duration;
import java.util.List;

/**
 * How the server runs.
 *
 * @param maxBodyBytes        largest body of a single analysis (larger: 413)
 * @param maxBatchLineBytes   largest line of a batch (larger: an error record for that line)
 * @param idleTimeout         a client silent this long is dropped (slow clients)
 * @param diagnoseConcurrency live diagnostics at once (more: 429)
 * @param diagnoseAllow       hosts a live diagnostic may connect to besides the provider's (which come from
 *                            the rules' expected-values.yaml: its servers and hosted SRV targets)
 * @param diagnoseLab         whether a diagnose request may point the probes elsewhere (tests, staging)
 */
public record ServerSettings(String bind, int port, String token, int maxBodyBytes, int maxBatchLineBytes,
                             Duration idleTimeout, int maxHeaderBytes, int diagnoseConcurrency,
                             List<String> diagnoseAllow, boolean diagnoseLab) {
}

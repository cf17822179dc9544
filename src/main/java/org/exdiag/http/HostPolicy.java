package org.exdiag.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exdiag.probe.AddressPolicy;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.expected.ExpectedValues;

/**
 * Where a live diagnostic started over HTTP may connect, so that the service cannot be turned into a
 * scanner: the provider's servers (the rules' expected-values.yaml: its servers and hosted SRV targets),
 * the hosts the operator allowed, and never a name that leads inside the network (lab mode aside).
 */
final class HostPolicy {
    private final List<String> extra;
    private final boolean lab;

    HostPolicy(List<String> extra, boolean lab) {
        this.extra = List.copyOf(extra);
        this.lab = lab;
    }

    /** The hosts allowed with the rules serving now. */
    List<String> allowed(ExpectedValues expected) {
        List<String> hosts = new ArrayList<>(expected.providerHosts());
        hosts.addAll(extra);
        return hosts;
    }

    void check(DiagnosticSettings probes, ExpectedValues expected) {
        List<String> allowed = allowed(expected);
        List<String> hosts = new ArrayList<>(List.of(probes.smtp().host(), probes.imap().host()));
        if (probes.webmail() != null) {
            hosts.add(probes.webmail().getHost());
        }
        if (probes.dns() != null) {
            hosts.add(probes.dns().host());
        }
        for (String host : hosts) {
            String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(h)
                    || a.startsWith("*.") && h.endsWith(a.substring(1).toLowerCase(Locale.ROOT)))) {
                throw new ApiError(403, "host not allowed for live diagnostics: " + host, "privateHost");
            }
            if (!lab) {
                refuseInternalAddresses(host);
            }
        }
    }

    /**
     * An allowed name must not lead inside the network either: a name whose DNS points to loopback or a
     * private range is refused, as MX addresses are (lab mode lets tests use loopback).
     */
    private static void refuseInternalAddresses(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!AddressPolicy.PUBLIC_ONLY.allows(address)) {
                    throw new ApiError(403, "host " + host + " resolves to an internal address (" + address.getHostAddress()
                            + "): not allowed for live diagnostics", "privateHost");
                }
            }
        } catch (UnknownHostException e) {
            // Unknown names fail in the probes themselves, as "could not check".
        }
    }
}

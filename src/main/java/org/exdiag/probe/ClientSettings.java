package org.exdiag.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exdiag.facts.Hosts;

/**
 * How the client probe goes Outlook's way (facts v3 {@code client}).
 *
 * @param httpsPort       the port of every https autodiscover URL built from the domain (labs); null: 443,
 *                        and the SRV record's own port for the SRV target
 * @param httpPort        the port of the plain-http redirect URL (labs); null: 80
 * @param trust           certificates trusted besides the system's (never a way to turn checking off)
 * @param credentialHosts the only hosts the password may go to (normalized): the provider's servers, the
 *                        private host, the hosts the user allowed; and only over TLS that checked out
 * @param redirects       the addresses a redirect (HTTP Location, Autodiscover redirectUrl) may lead to:
 *                        public ones only, unless the lab options allow more
 */
public record ClientSettings(Integer httpsPort, Integer httpPort, List<X509Certificate> trust, Set<String> credentialHosts,
                             AddressPolicy redirects) {
    public ClientSettings {
        trust = trust == null ? List.of() : List.copyOf(trust);
        credentialHosts = credentialHosts == null ? Set.of()
                : credentialHosts.stream().map(Hosts::normalize).collect(Collectors.toUnmodifiableSet());
        redirects = redirects == null ? AddressPolicy.PUBLIC_ONLY : redirects;
    }

    public boolean mayReceiveCredentials(String host) {
        return host != null && credentialHosts.contains(Hosts.normalize(host));
    }
}

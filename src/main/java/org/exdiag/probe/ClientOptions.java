package org.exdiag.probe;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exdiag.expected.ExpectedValues;
import org.exdiag.facts.Hosts;

/**
 * The client probe as a person asks for it (command line or HTTP request), turned into
 * {@link ClientSettings}: {@code client} auto (default) or none, the lab's autodiscover ports, the
 * certificates trusted besides the system's, and the hosts besides the provider's servers and the
 * private host that may receive the password. Bad values give an IllegalArgumentException naming the option.
 *
 * @param trust certificates already read (from {@code --trust FILE} or a request's PEM text)
 */
public record ClientOptions(String client, Integer autodiscoverPort, Integer autodiscoverHttpPort, List<X509Certificate> trust,
                            List<String> allowCredentials) {

    /** No option given: the defaults. */
    public static final ClientOptions DEFAULTS = new ClientOptions(null, null, null, List.of(), List.of());

    /**
     * @param lab whether lab options are in force (the command line's own resolver or ports; a server started
     *            with --diagnose-lab): only then may redirects lead to loopback and private addresses
     * @return null for {@code --client none}
     */
    public ClientSettings settings(DiagnosticSettings diagnostic, ExpectedValues expected, boolean lab) {
        String mode = client == null ? "auto" : client.toLowerCase(Locale.ROOT);
        if (mode.equals("none")) {
            return null;
        }
        if (!mode.equals("auto")) {
            throw new IllegalArgumentException("bad client: expected auto or none, not " + client);
        }
        port("autodiscover-port", autodiscoverPort);
        port("autodiscover-http-port", autodiscoverHttpPort);
        Set<String> hosts = new LinkedHashSet<>(expected.providerHosts());
        if (diagnostic.expect().privateHost() != null) {
            hosts.add(diagnostic.expect().privateHost());
        }
        for (String host : allowCredentials == null ? List.<String>of() : allowCredentials) {
            if (!Hosts.isHostName(Hosts.normalize(host))) {
                throw new IllegalArgumentException("bad allow-credentials: not a host name: " + host);
            }
            hosts.add(host);
        }
        return new ClientSettings(autodiscoverPort, autodiscoverHttpPort, trust == null ? List.of() : new ArrayList<>(trust), hosts,
                lab ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY);
    }

    private static void port(String option, Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("bad " + option + ": not a port (1 to 65535): " + port);
        }
    }
}

package org.exdiag.rules;

import java.util.List;
import java.util.Map;

/**
 * What a correct setup looks like, from expected-values.yaml: valid MX hosts per mail setup,
 * the autodiscover SRV's priority, weight, port and valid targets per offer. Hosts are normalized.
 */
public record ExpectedValues(Map<String, List<String>> mxHosts, int srvPriority, int srvWeight, int srvPort,
                             Map<String, List<String>> srvTargets, String defaultOffer, String defaultMailSetup) {

    public boolean isValidMx(String mailSetup, String host) {
        return mxHosts.getOrDefault(mailSetup, List.of()).contains(host);
    }

    public String mxHostsText(String mailSetup) {
        return String.join(" or ", mxHosts.getOrDefault(mailSetup, List.of()));
    }

    public boolean isValidSrvTarget(String offer, String host) {
        return srvTargets.getOrDefault(offer, List.of()).contains(host);
    }

    public String srvTargetsText(String offer) {
        return String.join(" or ", srvTargets.getOrDefault(offer, List.of()));
    }

    public boolean srvFieldsMatch(AutodiscoverSrv srv) {
        return srv.priority() == srvPriority && srv.weight() == srvWeight && srv.port() == srvPort;
    }

    public String srvFieldsText() {
        return "priority " + srvPriority + ", weight " + srvWeight + ", port " + srvPort;
    }
}

package org.exdiag.expected;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configuration, not rule vocabulary: the provider's values that probes, the HTTP routes and the rules
 * all read. What a correct setup looks like, from expected-values.yaml: valid MX hosts per mail setup, the
 * autodiscover SRV's priority, weight, port and valid targets per offer, the provider's servers. Hosts
 * are normalized. The whole file is also kept as a tree, so that knowledge-base texts can name any of
 * its values ({@code {expected.mx.exchange-only|or}}) instead of writing them again.
 *
 * @param servers        the provider's Exchange server per offer (hosted: submission, IMAP and webmail)
 * @param spfDomains     the provider's SPF domains, one of which a hosted mailbox's policy must include
 * @param spfMaxLookups  DNS-querying terms a policy may need (RFC 7208 4.6.4)
 * @param spfMaxVoidLookups lookups that find nothing a policy may make
 * @param autodiscoverLeftovers hosts of other offers autodiscover.<domain> is known to be left pointing at
 * @param dmarcPolicies  the values DMARC's p= may take
 * @param blockLists     the DNS block lists the sending addresses are looked up in, and what their answers mean
 */
public record ExpectedValues(Map<String, List<String>> mxHosts, int srvPriority, int srvWeight, int srvPort,
                             Map<String, List<String>> srvTargets, String defaultOffer, String defaultMailSetup,
                             Map<String, String> servers, List<String> spfDomains, int spfMaxLookups, int spfMaxVoidLookups,
                             List<String> autodiscoverLeftovers, List<String> dmarcPolicies, BlockLists blockLists,
                             JsonNode tree) {

    public boolean isValidMx(String mailSetup, String host) {
        return mxHosts.getOrDefault(mailSetup, List.of()).contains(host);
    }

    /** The valid MX hosts of a mail setup, for evidence. */
    public List<String> mxHosts(String mailSetup) {
        return mxHosts.getOrDefault(mailSetup, List.of());
    }

    public boolean isValidSrvTarget(String offer, String host) {
        return srvTargets.getOrDefault(offer, List.of()).contains(host);
    }

    public List<String> srvTargets(String offer) {
        return srvTargets.getOrDefault(offer, List.of());
    }

    /**
     * The provider's own hosts: its servers and the hosted offer's SRV targets. Where a live diagnostic
     * may connect, and where a password may go, without the user naming more.
     */
    public List<String> providerHosts() {
        List<String> hosts = new java.util.ArrayList<>(servers.values());
        hosts.addAll(srvTargets("hosted"));
        return hosts;
    }

    /** An SRV record's fields, as a rule fact or a probe holds them. */
    public interface SrvFields {
        int priority();

        int weight();

        int port();
    }

    /** Whether an autodiscover SRV record's priority, weight and port are the expected ones. */
    public boolean srvFieldsMatch(SrvFields srv) {
        return srv.priority() == srvPriority && srv.weight() == srvWeight && srv.port() == srvPort;
    }

    /** Whether an SPF policy's include names one of the provider's SPF domains. */
    public boolean includesProviderSpf(List<String> includes) {
        return includes.stream().anyMatch(spfDomains::contains);
    }

    /** The includes a hosted policy may name ({@code include:mx.ovh.com}...), for evidence. */
    public List<String> spfIncludes() {
        return spfDomains.stream().map(d -> "include:" + d).toList();
    }

    public boolean isDmarcPolicy(String policy) {
        return policy != null && dmarcPolicies.contains(policy);
    }

    /** Whether autodiscover.<domain> may point to {@code host} for the offer (its servers, or the private host). */
    public boolean isAutodiscoverTarget(String offer, String privateHost, String host) {
        return srvTargets(offer).contains(host) || host.equals(privateHost) || host.equals(servers.get(offer));
    }

    /** Where autodiscover.<domain> may point for the offer: its SRV targets, or the private host. */
    public List<String> autodiscoverTargets(String offer, String privateHost) {
        List<String> targets = new java.util.ArrayList<>(srvTargets(offer));
        if (privateHost != null) {
            targets.add(privateHost);
        }
        return List.copyOf(targets);
    }

    /** Days before its end from which a certificate on Outlook's way is "expiring" ({@code certificates.expiringDays}, default 14). */
    public int certificateExpiringDays() {
        JsonNode days = tree == null ? null : tree.path("certificates").get("expiringDays");
        return days != null && days.canConvertToInt() ? days.asInt() : 14;
    }

    /** The provider's server of an offer (null for the private offer: the customer's own). */
    public String server(String offer) {
        return servers.get(offer);
    }

    /**
     * A value of the file by its path ({@code mx.exchange-only}, {@code autodiscoverSrv.port}): a list
     * of strings, a string, a number, or null when the path leads nowhere.
     */
    public Object lookup(String path) {
        JsonNode node = tree;
        for (String step : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.get(step);
        }
        if (node == null || node.isNull() || node.isObject()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return List.copyOf(items);
        }
        return node.isNumber() ? node.numberValue() : node.asText();
    }
}

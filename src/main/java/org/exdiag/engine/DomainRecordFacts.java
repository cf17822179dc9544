package org.exdiag.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exdiag.facts.AutodiscoverHostLookup;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.SpfFacts;
import org.exdiag.facts.SpfSyntax;
import org.exdiag.rules.AutodiscoverHost;
import org.exdiag.rules.DkimLookup;
import org.exdiag.rules.DkimSelector;
import org.exdiag.rules.DmarcLookup;
import org.exdiag.rules.DmarcRecord;
import org.exdiag.rules.SpfCheck;
import org.exdiag.rules.SpfLookup;
import org.exdiag.rules.SpfRecord;

/**
 * The domain's records as rule facts: SPF records read by RFC 7208's grammar (includes, the "all"
 * qualifier, redirect), DMARC records' tags, DKIM selectors and the autodiscover host with their host
 * names normalized. Reading, not judging: what a record's content means is the rules' decision.
 */
final class DomainRecordFacts {
    private DomainRecordFacts() {
    }

    static void add(DnsFacts dns, List<Object> facts) {
        SpfFacts spf = dns.spf();
        if (spf != null) {
            facts.add(new SpfLookup(spf.status().wire(), spf.records().size(), spf.dnsLookups(), spf.voidLookups(), spf.error()));
            spf.records().forEach(r -> facts.add(spfRecord(r)));
            spf.checks().forEach(c -> facts.add(new SpfCheck(c.ip(), c.result().wire(), c.explanation())));
        }
        DnsLookup<String> dmarc = dns.dmarc();
        if (dmarc != null) {
            facts.add(new DmarcLookup(dmarc.status().wire(), dmarc.records().size()));
            dmarc.records().forEach(r -> facts.add(dmarcRecord(r)));
        }
        if (dns.dkim() != null) {
            facts.add(new DkimLookup(dns.dkim().size()));
            for (DkimSelectorFacts d : dns.dkim()) {
                facts.add(new DkimSelector(d.selector(), d.status().wire(), Hosts.normalize(d.cname()), d.record(),
                        Hosts.normalize(d.expectedCname()), d.providerStatus() == null ? null : d.providerStatus().wire()));
            }
        }
        AutodiscoverHostLookup host = dns.autodiscoverHost();
        if (host != null) {
            facts.add(new AutodiscoverHost(host.status().wire(), Hosts.normalize(host.cname()), host.addresses().size()));
        }
    }

    static SpfRecord spfRecord(String raw) {
        try {
            List<String> includes = new ArrayList<>();
            String all = null;
            String redirect = null;
            for (SpfSyntax.Term t : SpfSyntax.terms(raw)) {
                if (t.modifier() && t.name().equals("redirect")) {
                    redirect = Hosts.normalize(t.value());
                } else if (!t.modifier() && t.name().equals("include")) {
                    includes.add(Hosts.normalize(t.value()));
                } else if (!t.modifier() && t.name().equals("all") && all == null) {
                    all = String.valueOf(t.qualifier());
                }
            }
            return new SpfRecord(raw, List.copyOf(includes), all, redirect, null);
        } catch (IllegalArgumentException e) {
            return new SpfRecord(raw, List.of(), null, null, e.getMessage());
        }
    }

    /** "v=DMARC1; p=none; rua=mailto:x" to its tags, names lower case (RFC 7489 6.4: tag=value pairs split by ";"). */
    static DmarcRecord dmarcRecord(String raw) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : raw.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        String p = tags.get("p");
        return new DmarcRecord(raw, p == null ? null : p.toLowerCase(Locale.ROOT), Map.copyOf(tags));
    }
}

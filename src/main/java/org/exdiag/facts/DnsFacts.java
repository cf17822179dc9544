package org.exdiag.facts;

import java.util.List;

/**
 * What DNS said about the mailbox's domain. Version 2 adds the domain records that make receivers
 * accept or refuse its mail (SPF, DMARC, DKIM) and the {@code autodiscover} host.
 *
 * @param dmarc TXT records at {@code _dmarc.<domain>} that begin with {@code v=DMARC1}
 * @param dkim  one entry per selector checked; null: not probed (no selector known); empty: the provider
 *              said the domain has none
 */
public record DnsFacts(DnsLookup<MxRecord> mx, DnsLookup<SrvRecord> autodiscoverSrv,
                       AutodiscoverHostLookup autodiscoverHost, SpfFacts spf, DnsLookup<String> dmarc,
                       List<DkimSelectorFacts> dkim) {
    public DnsFacts {
        dkim = dkim == null ? null : Checks.copyOrEmpty(dkim);
    }

    /** Version 1's sections alone. */
    public DnsFacts(DnsLookup<MxRecord> mx, DnsLookup<SrvRecord> autodiscoverSrv) {
        this(mx, autodiscoverSrv, null, null, null, null);
    }

    boolean hasVersion2Sections() {
        return autodiscoverHost != null || spf != null || dmarc != null || dkim != null;
    }
}

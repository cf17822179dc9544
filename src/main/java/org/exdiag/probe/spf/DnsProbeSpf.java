package org.exdiag.probe.spf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MxRecord;
import org.exdiag.probe.DnsProbe;
import org.xbill.DNS.Type;

/** The SPF evaluator's DNS, over the diagnostic's own resolver (dnsjava, UDP then TCP, bounded by its timeout). */
public final class DnsProbeSpf implements SpfDns {
    private final DnsProbe dns;

    public DnsProbeSpf(DnsProbe dns) {
        this.dns = dns;
    }

    /** The records' octets, not dnsjava's escaped text: a control character or non-ASCII octet is a syntax error. */
    @Override
    public Answer<String> txt(String name) {
        DnsLookup<String> l = dns.txtOctets(name).join();
        return new Answer<>(l.status().wire(), l.records());
    }

    @Override
    public Answer<InetAddress> a(String name) {
        return addresses(name, Type.A);
    }

    @Override
    public Answer<InetAddress> aaaa(String name) {
        return addresses(name, Type.AAAA);
    }

    private Answer<InetAddress> addresses(String name, int type) {
        DnsProbe.Aliased l = dns.aliased(name, type).join();
        List<InetAddress> out = new ArrayList<>();
        for (String v : l.values()) {
            try {
                out.add(InetAddress.getByName(v)); // literals from the answer: no lookup
            } catch (UnknownHostException e) {
                // not an address: skip
            }
        }
        LookupStatus status = l.status() == LookupStatus.OK && out.isEmpty() ? LookupStatus.NODATA : l.status();
        return new Answer<>(status.wire(), out);
    }

    @Override
    public Answer<String> mx(String name) {
        DnsLookup<MxRecord> l = dns.mx(name).join();
        return new Answer<>(l.status().wire(), l.records().stream().map(MxRecord::host).toList());
    }

    @Override
    public Answer<String> ptr(InetAddress ip) {
        DnsLookup<String> l = dns.ptr(ip).join();
        return new Answer<>(l.status().wire(), l.records());
    }
}

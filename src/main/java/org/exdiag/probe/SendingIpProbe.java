package org.exdiag.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.exdiag.expected.BlockLists;
import org.exdiag.facts.BlockListStatus;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.Offer;
import org.exdiag.facts.SendingIpFacts;
import org.exdiag.facts.SendingIpFacts.BlockListAnswer;
import org.exdiag.facts.SendingIpFacts.PtrLookup;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * The addresses the mailbox's mail leaves from, as receivers see them: the ones the user gave, and the
 * private offer's server's own A/AAAA. For each, its reverse DNS (PTR), whether a PTR name resolves back
 * to it, and what each DNS block list answers (RFC 5782: the reversed address under the list's zone, A
 * then TXT). A list that refuses the query or does not answer is "error", never a listing. No address
 * known: not probed.
 */
public final class SendingIpProbe extends Probe<List<SendingIpFacts>> {
    /** PTR names followed back to their addresses, at most: a receiver looks at the first few only. */
    private static final int MAX_NAMES = 5;

    public SendingIpProbe() {
        super("sending ip", "sendingIp");
    }

    @Override
    protected CompletableFuture<List<SendingIpFacts>> start(ProbeRun run) {
        DiagnosticSettings settings = run.settings();
        String privateHost = settings.expect().offer() == Offer.PRIVATE ? settings.expect().privateHost() : null;
        CompletableFuture<List<InetAddress>> server = privateHost == null ? CompletableFuture.completedFuture(List.of())
                : run.dns().addresses(privateHost);
        return server.thenCompose(serverAddresses -> {
            Set<InetAddress> addresses = new LinkedHashSet<>();
            settings.sendingIps().forEach(ip -> addresses.add(IpLiterals.parse(ip)));
            addresses.addAll(serverAddresses);
            if (addresses.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            List<CompletableFuture<SendingIpFacts>> each = addresses.stream().map(ip -> check(run.dns(), ip, settings.blockLists())).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
        });
    }

    /** One address: its PTR and forward confirmation, and every list, all asked at once. */
    static CompletableFuture<SendingIpFacts> check(DnsProbe dns, InetAddress ip, BlockLists lists) {
        CompletableFuture<PtrLookup> ptr = dns.ptr(ip).thenApply(l -> new PtrLookup(l.status(),
                l.records().stream().map(Hosts::normalize).filter(Hosts::isHostName).toList()));
        CompletableFuture<Boolean> confirmed = ptr.thenCompose(p -> forwardConfirmed(dns, ip, p));
        List<CompletableFuture<BlockListAnswer>> answers = lists.zones().stream().map(zone -> ask(dns, ip, zone, lists)).toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenCombine(confirmed, (done, forward) ->
                new SendingIpFacts(ip.getHostAddress(), ptr.join(), forward, answers.stream().map(CompletableFuture::join).toList()));
    }

    /**
     * Whether one of the PTR names resolves back to the address (forward-confirmed reverse DNS): true as
     * soon as one does, false when every lookup answered and none did, null when there is no name or a
     * lookup that could have confirmed it failed.
     */
    private static CompletableFuture<Boolean> forwardConfirmed(DnsProbe dns, InetAddress ip, PtrLookup ptr) {
        List<String> names = ptr.names().stream().limit(MAX_NAMES).toList();
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        int type = ip.getAddress().length == 4 ? Type.A : Type.AAAA;
        List<CompletableFuture<DnsProbe.Aliased>> lookups = names.stream().map(n -> dns.aliased(n, type)).toList();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> {
            boolean unanswered = false;
            for (CompletableFuture<DnsProbe.Aliased> lookup : lookups) {
                DnsProbe.Aliased a = lookup.join();
                if (a.values().stream().anyMatch(v -> ip.equals(IpLiterals.parse(v)))) {
                    return true;
                }
                unanswered |= a.status() == LookupStatus.SERVFAIL || a.status() == LookupStatus.TIMEOUT || a.status() == LookupStatus.ERROR;
            }
            return unanswered ? null : false;
        });
    }

    /** One list's answer for the address: listed (with its TXT text), clear, or error. */
    private static CompletableFuture<BlockListAnswer> ask(DnsProbe dns, InetAddress ip, String zone, BlockLists lists) {
        String name = reversed(ip) + zone;
        return dns.aliased(name, Type.A).thenCompose(a -> {
            List<String> answers = a.values();
            if (a.status() == LookupStatus.NXDOMAIN || a.status() == LookupStatus.NODATA) {
                return CompletableFuture.completedFuture(new BlockListAnswer(zone, BlockListStatus.CLEAR, List.of(), null));
            }
            boolean listed = a.status() == LookupStatus.OK && answers.stream().anyMatch(v -> lists.isListing(IpLiterals.parse(v)));
            if (!listed) {
                return CompletableFuture.completedFuture(new BlockListAnswer(zone, BlockListStatus.ERROR, answers, null));
            }
            return dns.txt(name).thenApply(t -> new BlockListAnswer(zone, BlockListStatus.LISTED, answers,
                    t.records().isEmpty() ? null : String.join(" ", t.records())));
        });
    }

    /** The address's labels reversed, as a list wants them before its zone ("7.113.0.203."). */
    static String reversed(InetAddress ip) {
        String arpa = ReverseMap.fromAddress(ip).toString();
        return arpa.substring(0, arpa.length() - (ip.getAddress().length == 4 ? "in-addr.arpa.".length() : "ip6.arpa.".length()));
    }

    @Override
    protected List<SendingIpFacts> notFinished(ProbeRun run) {
        return null;
    }

    @Override
    protected void fill(FactsBuilder facts, List<SendingIpFacts> seen, ProbeRun run) {
        facts.sendingIp = seen;
    }

    @Override
    protected String outcome(List<SendingIpFacts> seen) {
        if (seen == null) {
            return "no address known";
        }
        List<String> parts = new ArrayList<>();
        for (SendingIpFacts s : seen) {
            long listed = s.lists().stream().filter(l -> l.status() == BlockListStatus.LISTED).count();
            parts.add(s.address() + " ptr " + s.ptr().status().wire() + (listed > 0 ? ", listed on " + listed : ""));
        }
        return String.join("; ", parts);
    }
}

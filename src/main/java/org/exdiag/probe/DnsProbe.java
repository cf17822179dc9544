package org.exdiag.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MxRecord;
import org.exdiag.facts.SrvRecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS lookups with dnsjava, asking the resolver directly so that NXDOMAIN, NODATA, SERVFAIL and a
 * timeout stay apart (a caching Lookup would merge them). UDP first; dnsjava retries over TCP when an
 * answer comes back truncated. Thread-safe.
 */
public final class DnsProbe {
    private final Resolver resolver;
    private final Duration timeout;
    /**
     * A diagnostic's queries by name and type, each asked once: several probes look the same names up
     * (the autodiscover host by its own probe and by Outlook's ways; a private server by the SPF check and
     * the sending address's), and one run should see one answer, not a timeout here and an answer there.
     * Null over a sweep's resolver, which shares answers across its domains itself.
     */
    private final Map<String, CompletableFuture<Answer>> asked;

    /** {@code server} null: the system's resolvers. */
    public DnsProbe(Endpoint server, Duration timeout) {
        this.timeout = timeout;
        if (server == null) {
            this.resolver = new ExtendedResolver();
        } else {
            try {
                SimpleResolver simple = new SimpleResolver(server.host());
                simple.setPort(server.port());
                this.resolver = simple;
            } catch (IOException e) {
                throw new IllegalArgumentException("bad DNS server " + server + ": " + e.getMessage(), e);
            }
        }
        this.resolver.setTimeout(timeout);
        this.asked = new ConcurrentHashMap<>();
    }

    /**
     * Over a resolver set up elsewhere (a sweep's: rate-capped, retrying, sharing answers), which keeps its
     * own timeouts; {@code timeout} only bounds how long a lookup may take in all.
     */
    public DnsProbe(Resolver resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.asked = null;
    }

    /** Whether a failed query ran out of time (dnsjava says so in several ways), rather than failing otherwise. */
    public static boolean isTimeout(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
    }

    public CompletableFuture<DnsLookup<MxRecord>> mx(String domain) {
        return query(domain, Type.MX).thenApply(answer -> {
            List<MxRecord> records = new ArrayList<>();
            for (Record r : answer.records()) {
                if (r instanceof org.xbill.DNS.MXRecord mx) {
                    records.add(new MxRecord(mx.getPriority(), mx.getTarget().toString()));
                }
            }
            records.sort(Comparator.comparing(MxRecord::preference).thenComparing(MxRecord::host));
            return new DnsLookup<>(answer.status(records.isEmpty()), records);
        });
    }

    public CompletableFuture<DnsLookup<SrvRecord>> autodiscoverSrv(String domain) {
        return query("_autodiscover._tcp." + domain, Type.SRV).thenApply(answer -> {
            List<SrvRecord> records = new ArrayList<>();
            for (Record r : answer.records()) {
                if (r instanceof org.xbill.DNS.SRVRecord srv) {
                    records.add(new SrvRecord(srv.getPriority(), srv.getWeight(), srv.getPort(), srv.getTarget().toString()));
                }
            }
            return new DnsLookup<>(answer.status(records.isEmpty()), records);
        });
    }

    /** The TXT records of a name, each record's strings joined (RFC 7208 3.3), with how the lookup ended. */
    public CompletableFuture<DnsLookup<String>> txt(String name) {
        return query(name, Type.TXT).thenApply(answer -> {
            List<String> records = new ArrayList<>();
            for (Record r : answer.records()) {
                if (r instanceof TXTRecord txt) {
                    records.add(String.join("", txt.getStrings()));
                }
            }
            return new DnsLookup<>(answer.status(records.isEmpty()), records);
        });
    }

    /**
     * The TXT records of a name as their octets are, each record's strings joined (ISO-8859-1: one character
     * an octet). {@link #txt} gives the presentation form, where dnsjava escapes quotes, backslashes,
     * control characters and every octet over 0x7E ("\239"): readable, but an SPF record's syntax (printable
     * ASCII, RFC 7208 3.1) can only be checked on the octets themselves.
     */
    public CompletableFuture<DnsLookup<String>> txtOctets(String name) {
        return query(name, Type.TXT).thenApply(answer -> {
            List<String> records = new ArrayList<>();
            for (Record r : answer.records()) {
                if (r instanceof TXTRecord txt) {
                    StringBuilder joined = new StringBuilder();
                    txt.getStringsAsByteArrays().forEach(b -> joined.append(new String(b, StandardCharsets.ISO_8859_1)));
                    records.add(joined.toString());
                }
            }
            return new DnsLookup<>(answer.status(records.isEmpty()), records);
        });
    }

    /** The names the PTR records of an address give (its reverse DNS, in-addr.arpa or ip6.arpa), in the answer's order. */
    public CompletableFuture<DnsLookup<String>> ptr(InetAddress ip) {
        return query(ReverseMap.fromAddress(ip).toString(), Type.PTR).thenApply(answer -> {
            List<String> names = new ArrayList<>();
            for (Record r : answer.records()) {
                if (r instanceof PTRRecord ptr) {
                    names.add(ptr.getTarget().toString());
                }
            }
            return new DnsLookup<>(answer.status(names.isEmpty()), names);
        });
    }

    /**
     * A lookup of a name that may be an alias: how it ended, the CNAME target when the answer holds one,
     * and the records of {@code type} reached (A and AAAA addresses, or TXT strings joined).
     */
    public record Aliased(LookupStatus status, String cname, List<String> values) {
    }

    public CompletableFuture<Aliased> aliased(String name, int type) {
        return query(name, type).thenApply(answer -> {
            String cname = null;
            List<String> values = new ArrayList<>();
            for (Record r : answer.records()) {
                if (r instanceof CNAMERecord c && cname == null) {
                    cname = c.getTarget().toString();
                } else if (r instanceof ARecord a) {
                    values.add(a.getAddress().getHostAddress());
                } else if (r instanceof AAAARecord a) {
                    values.add(a.getAddress().getHostAddress());
                } else if (r instanceof TXTRecord t) {
                    values.add(String.join("", t.getStrings()));
                }
            }
            LookupStatus status = answer.failure() != null ? answer.failure() : values.isEmpty() ? LookupStatus.NODATA : LookupStatus.OK;
            return new Aliased(status, cname, values);
        });
    }

    /** A and AAAA addresses of a host, through the same resolver (never the system's, when one was given). */
    public CompletableFuture<List<InetAddress>> addresses(String host) {
        CompletableFuture<Answer> a = query(host, Type.A);
        CompletableFuture<Answer> aaaa = query(host, Type.AAAA);
        return a.thenCombine(aaaa, (four, six) -> {
            List<InetAddress> out = new ArrayList<>();
            for (Answer answer : List.of(four, six)) {
                for (Record r : answer.records()) {
                    if (r instanceof ARecord ar) {
                        out.add(ar.getAddress());
                    } else if (r instanceof AAAARecord ar) {
                        out.add(ar.getAddress());
                    }
                }
            }
            return out;
        });
    }

    /**
     * What came back, before interpretation: the rcode (or a failure status) and the answer records. An
     * NXDOMAIN keeps its answer records: a CNAME to a name that does not exist is worth showing.
     */
    private record Answer(LookupStatus failure, List<Record> records) {
        LookupStatus status(boolean noRecordOfTheType) {
            if (failure != null) {
                return failure;
            }
            return noRecordOfTheType ? LookupStatus.NODATA : LookupStatus.OK;
        }
    }

    private CompletableFuture<Answer> query(String name, int type) {
        if (asked == null) {
            return send(name, type);
        }
        String absolute = name.endsWith(".") ? name : name + ".";
        return asked.computeIfAbsent(absolute.toLowerCase(java.util.Locale.ROOT) + " " + type, key -> send(name, type));
    }

    private CompletableFuture<Answer> send(String name, int type) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new Answer(LookupStatus.ERROR, List.of()));
        }
        return resolver.sendAsync(query).toCompletableFuture()
                .orTimeout(timeout.toMillis() + 250, java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        return new Answer(isTimeout(error) ? LookupStatus.TIMEOUT : LookupStatus.ERROR, List.of());
                    }
                    return switch (response.getRcode()) {
                        case Rcode.NOERROR -> new Answer(null, response.getSection(Section.ANSWER));
                        case Rcode.NXDOMAIN -> new Answer(LookupStatus.NXDOMAIN, response.getSection(Section.ANSWER));
                        case Rcode.SERVFAIL -> new Answer(LookupStatus.SERVFAIL, List.of());
                        default -> new Answer(LookupStatus.ERROR, List.of());
                    };
                });
    }
}

package org.exdiag.probe;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A small authoritative DNS server for tests, on loopback over UDP and TCP (same port), built on
 * dnsjava's message classes. Serves the records a test gives it, and can answer SERVFAIL, drop
 * queries (a server that is down), or truncate UDP answers (so that clients retry over TCP).
 * It answers as a recursive resolver would: a CNAME is followed to its target's records, and the
 * answer's code is the last name's (a CNAME to a name that does not exist is NXDOMAIN, with the CNAME).
 * SERVFAIL and silence can be set per name, so that one lookup fails while the others succeed.
 */
public final class TestDnsServer implements AutoCloseable {
    private static final long TTL = 60;

    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<String> knownNames = ConcurrentHashMap.newKeySet();
    private final Set<String> servfail = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final Map<String, AtomicInteger> queriesByName = new ConcurrentHashMap<>();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Set<Fault> faults = ConcurrentHashMap.newKeySet();

    /** Ways the whole server misbehaves, each switched on and off by {@link #fault(Fault, boolean)}. */
    public enum Fault {
        /** Stop answering anything (queries time out). */
        DROP_EVERYTHING,
        /** UDP answers carry the TC flag and no records; TCP answers are whole. */
        TRUNCATE_UDP,
        /** Answers carry another message ID than the query's (a spoofed or confused answer). */
        WRONG_ID,
        /** TCP connections are closed at once (with TRUNCATE_UDP: no way to get a whole answer). */
        CLOSE_TCP
    }

    public TestDnsServer() throws IOException {
        ServerSocket tcpSocket = null;
        DatagramSocket udpSocket = null;
        for (int attempt = 0; attempt < 20 && udpSocket == null; attempt++) {
            tcpSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            try {
                udpSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpSocket.getLocalPort()));
            } catch (IOException taken) {
                tcpSocket.close();
            }
        }
        if (udpSocket == null) {
            throw new IOException("no free port for both UDP and TCP");
        }
        this.tcp = tcpSocket;
        this.udp = udpSocket;
        // Room for bursts (a sweep sends hundreds of queries at once): the default buffer drops some.
        this.udp.setReceiveBufferSize(4 << 20);
        start("dns-udp", this::serveUdp);
        start("dns-tcp", this::serveTcp);
    }

    public int port() {
        return udp.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    public TestDnsServer mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
    }

    public TestDnsServer srv(String owner, int priority, int weight, int port, String target) {
        return add(new SRVRecord(name(owner), DClass.IN, TTL, priority, weight, port, name(target)));
    }

    public TestDnsServer a(String host, String ip) {
        try {
            return add(new ARecord(name(host), DClass.IN, TTL, InetAddress.getByName(ip)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public TestDnsServer aaaa(String host, String ip) {
        try {
            return add(new AAAARecord(name(host), DClass.IN, TTL, InetAddress.getByName(ip)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One TXT record; strings longer than 255 characters are split as a zone file would (RFC 7208 3.3). */
    public TestDnsServer txt(String owner, String text) {
        List<String> strings = new java.util.ArrayList<>();
        for (int at = 0; at < text.length(); at += 255) {
            strings.add(text.substring(at, Math.min(text.length(), at + 255)));
        }
        return add(new TXTRecord(name(owner), DClass.IN, TTL, strings.isEmpty() ? List.of("") : strings));
    }

    /** A PTR record of an address (its reverse DNS), under in-addr.arpa or ip6.arpa. */
    public TestDnsServer ptr(String ip, String target) {
        try {
            return add(new PTRRecord(ReverseMap.fromAddress(InetAddress.getByName(ip)), DClass.IN, TTL, name(target)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public TestDnsServer cname(String owner, String target) {
        return add(new CNAMERecord(name(owner), DClass.IN, TTL, name(target)));
    }

    /** Queries for this name get no answer at all (the client times out). */
    public TestDnsServer silent(String owner) {
        silent.add(name(owner).toString().toLowerCase());
        return this;
    }

    /** Queries for this name get SERVFAIL. */
    public TestDnsServer servfail(String owner) {
        servfail.add(name(owner).toString().toLowerCase());
        return this;
    }

    /** Switches one of the server's faults on or off. */
    public TestDnsServer fault(Fault fault, boolean on) {
        if (on) {
            faults.add(fault);
        } else {
            faults.remove(fault);
        }
        return this;
    }

    public int udpQueries() {
        return udpQueries.get();
    }

    public int tcpQueries() {
        return tcpQueries.get();
    }

    /** Queries received for {@code name}, all types, over UDP and TCP. */
    public int queries(String name) {
        AtomicInteger n = queriesByName.get(name(name).toString().toLowerCase());
        return n == null ? 0 : n.get();
    }

    private TestDnsServer add(Record r) {
        records.computeIfAbsent(key(r.getName(), r.getType()), k -> new CopyOnWriteArrayList<>()).add(r);
        knownNames.add(r.getName().toString().toLowerCase());
        return this;
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase() + "/" + type;
    }

    /** The answer to send, or null to stay silent. */
    byte[] answer(byte[] queryBytes, boolean overUdp) throws IOException {
        Message query = new Message(queryBytes);
        Record question = query.getQuestion();
        Message response = new Message(faults.contains(Fault.WRONG_ID) ? (query.getHeader().getID() + 1) & 0xffff : query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Name owner = question.getName();
        queriesByName.computeIfAbsent(owner.toString().toLowerCase(), k -> new AtomicInteger()).incrementAndGet();
        if (silent.contains(owner.toString().toLowerCase())) {
            return null;
        }
        if (overUdp && faults.contains(Fault.TRUNCATE_UDP) && knownNames.contains(owner.toString().toLowerCase())) {
            response.getHeader().setFlag(Flags.TC);
            return response.toWire();
        }
        // Follow aliases as a recursive resolver does, at most 8 deep (a loop of aliases ends there).
        for (int depth = 0; depth < 8 && question.getType() != Type.CNAME; depth++) {
            List<Record> alias = recordsAt(owner, Type.CNAME);
            if (alias.isEmpty()) {
                break;
            }
            response.addRecord(alias.get(0), Section.ANSWER);
            owner = ((CNAMERecord) alias.get(0)).getTarget();
        }
        String last = owner.toString().toLowerCase();
        if (servfail.contains(last)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            response.removeAllRecords(Section.ANSWER);
        } else if (silent.contains(last)) {
            return null;
        } else if (!knownNames.contains(last) && wildcardFor(owner) == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            for (Record r : recordsAt(owner, question.getType())) {
                response.addRecord(r, Section.ANSWER);
            }
        }
        return response.toWire();
    }

    /** The records of a name, or those a wildcard gives it when it has none of its own. */
    private List<Record> recordsAt(Name owner, int type) {
        Name star = wildcardFor(owner);
        if (star == null) {
            return records.getOrDefault(key(owner, type), List.of());
        }
        return records.getOrDefault(key(star, type), List.<Record>of()).stream().map(r -> r.withName(owner)).toList();
    }

    /** The wildcard ({@code *.parent}) that answers for a name no record has, or null (RFC 4592, simplified). */
    private Name wildcardFor(Name owner) {
        if (knownNames.contains(owner.toString().toLowerCase()) || owner.labels() < 2) {
            return null;
        }
        try {
            Name star = Name.concatenate(Name.fromString("*"), new Name(owner, 1));
            return knownNames.contains(star.toString().toLowerCase()) ? star : null;
        } catch (org.xbill.DNS.NameTooLongException | TextParseException e) {
            return null;
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                udpQueries.incrementAndGet();
                if (faults.contains(Fault.DROP_EVERYTHING)) {
                    continue;
                }
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] out = answer(query, true);
                if (out == null) {
                    continue;
                }
                udp.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket socket = tcp.accept();
                start("dns-tcp-conn", () -> serveConnection(socket));
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveConnection(Socket socket) {
        try (socket) {
            if (faults.contains(Fault.CLOSE_TCP)) {
                return;
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                tcpQueries.incrementAndGet();
                if (faults.contains(Fault.DROP_EVERYTHING)) {
                    continue;
                }
                byte[] answer = answer(query, false);
                if (answer == null) {
                    continue;
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException closed) {
            // client went away
        }
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}

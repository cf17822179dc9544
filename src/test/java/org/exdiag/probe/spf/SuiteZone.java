package org.exdiag.probe.spf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.xbill.DNS.ReverseMap;

/**
 * The DNS of one scenario of the RFC 7208 test suite, in memory, read from its {@code zonedata} the way the
 * suite's own driver (pyspf's testspf.py) reads it:
 * <ul>
 * <li>names are case-insensitive, a trailing dot is ignored;</li>
 * <li>TXT and SPF values are one string or a list of strings, joined without separator (RFC 7208 3.3);
 * "NONE" stands for no record;</li>
 * <li>SPF-type records stand for TXT records, unless the name has TXT entries of its own (the suite was
 * written for both types: its "Record lookup" and "Selecting records" sections depend on this);</li>
 * <li>a bare TIMEOUT entry makes the lookups of that name time out, except for a type the name has records
 * of ("spftimeout": TXT answers, the SPF type would time out); a TIMEOUT value times out that type only;</li>
 * <li>a CNAME is followed to its target's records (a loop answers SERVFAIL, as a resolver would).</li>
 * </ul>
 */
final class SuiteZone implements SpfDns {
    private static final int MAX_CNAMES = 8;

    /** One name's entries: records by type ("TXT", "A", ...), and the types that time out. */
    private static final class Node {
        final Map<String, List<String>> records = new HashMap<>();
        final Set<String> timeouts = new HashSet<>();
        boolean timeoutAll;
        boolean hasTxtEntry;
    }

    private final Map<String, Node> names = new HashMap<>();

    SuiteZone(JsonNode zonedata) {
        if (zonedata == null) {
            return;
        }
        zonedata.fields().forEachRemaining(e -> names.put(normalize(e.getKey()), node(e.getValue())));
    }

    private static Node node(JsonNode entries) {
        Node node = new Node();
        List<String> spf = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry.isTextual() && entry.asText().equals("TIMEOUT")) {
                node.timeoutAll = true;
                continue;
            }
            var field = entry.fields().next();
            String type = field.getKey().toUpperCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().equals("TIMEOUT")) {
                node.timeouts.add(type);
                continue;
            }
            String text = switch (type) {
                case "TXT", "SPF" -> joined(value);
                case "MX" -> value.get(0).asInt() + " " + value.get(1).asText();
                default -> value.asText();
            };
            if (type.equals("TXT")) {
                node.hasTxtEntry = true;
            }
            if (text.equals("NONE")) {
                continue;
            }
            (type.equals("SPF") ? spf : node.records.computeIfAbsent(type, k -> new ArrayList<>())).add(text);
        }
        if (!node.hasTxtEntry && !spf.isEmpty()) {
            node.records.put("TXT", spf);
        }
        return node;
    }

    private static String joined(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        StringBuilder out = new StringBuilder();
        value.forEach(s -> out.append(s.asText()));
        return out.toString();
    }

    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private <T> Answer<T> lookup(String name, String type, Function<String, T> parse) {
        String current = normalize(name);
        Set<String> seen = new HashSet<>();
        while (seen.add(current) && seen.size() <= MAX_CNAMES) {
            Node node = names.get(current);
            if (node == null) {
                return new Answer<>("nxdomain", List.of());
            }
            List<String> values = node.records.getOrDefault(type, List.of());
            if (node.timeouts.contains(type) || node.timeoutAll && values.isEmpty()) {
                return new Answer<>("timeout", List.of());
            }
            if (!values.isEmpty()) {
                return new Answer<>("ok", values.stream().map(parse).toList());
            }
            List<String> cname = node.records.get("CNAME");
            if (cname == null) {
                return new Answer<>("nodata", List.of());
            }
            current = normalize(cname.get(0));
        }
        return new Answer<>("servfail", List.of());
    }

    @Override
    public Answer<String> txt(String name) {
        return lookup(name, "TXT", Function.identity());
    }

    @Override
    public Answer<InetAddress> a(String name) {
        return lookup(name, "A", SuiteZone::address);
    }

    @Override
    public Answer<InetAddress> aaaa(String name) {
        return lookup(name, "AAAA", SuiteZone::address);
    }

    @Override
    public Answer<String> mx(String name) {
        Answer<String> mx = lookup(name, "MX", Function.identity());
        List<String> hosts = mx.records().stream()
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.substring(0, r.indexOf(' ')))))
                .map(r -> r.substring(r.indexOf(' ') + 1)).toList();
        return new Answer<>(mx.status(), hosts);
    }

    @Override
    public Answer<String> ptr(InetAddress ip) {
        return lookup(ReverseMap.fromAddress(ip).toString(), "PTR", Function.identity());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address in the suite: " + literal, e);
        }
    }
}

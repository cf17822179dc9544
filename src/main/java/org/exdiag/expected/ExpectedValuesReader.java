package org.exdiag.expected;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exdiag.config.ConfigYaml;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.config.YamlLines;
import org.exdiag.facts.Hosts;

/** Reads {@code expected-values.yaml}: strict, every problem with its line. */
public final class ExpectedValuesReader {
    private ExpectedValuesReader() {
    }

    record ExpectedValuesFile(Defaults defaults, Map<String, List<String>> mx, SrvSpec autodiscoverSrv,
                              Map<String, String> servers, SpfSpec spf, HostSpec autodiscoverHost, DmarcSpec dmarc,
                              BlockListSpec blockLists, CertificateSpec certificates) {
    }

    /** @param expiringDays days before its end from which a certificate on Outlook's way is expiring */
    record CertificateSpec(Integer expiringDays) {
    }

    record BlockListSpec(List<String> zones, List<String> listed, List<String> refused) {
    }

    record SpfSpec(Map<String, String> hosted, Integer maxLookups, Integer maxVoidLookups) {
    }

    record HostSpec(List<String> leftovers) {
    }

    /** @param recommended the record the provider advises to start with, named by texts only */
    record DmarcSpec(List<String> policies, String recommended) {
    }

    record Defaults(String offer, String mailSetup) {
    }

    record SrvSpec(Integer priority, Integer weight, Integer port, Map<String, List<String>> targets) {
    }

    public static ExpectedValues read(Path file, String shown) throws LoadException {
        ConfigYaml.WithTree<ExpectedValuesFile> read = ConfigYaml.readRequiredWithTree(file, shown, ExpectedValuesFile.class);
        ExpectedValuesFile f = read.value();
        List<Problem> problems = new ArrayList<>();
        YamlLines lines = YamlLines.of(file);
        if (f.mx() == null || f.mx().isEmpty()) {
            problems.add(new Problem(shown, lines.lineOf("mx"), "mx: at least one mail setup with its valid hosts is required"));
        }
        SrvSpec srv = f.autodiscoverSrv();
        if (srv == null || srv.priority() == null || srv.weight() == null || srv.port() == null || srv.targets() == null) {
            problems.add(new Problem(shown, lines.lineOf("autodiscoverSrv"), "autodiscoverSrv: priority, weight, port and targets are required"));
        }
        if (f.spf() == null || f.spf().hosted() == null || f.spf().hosted().isEmpty() || f.spf().maxLookups() == null
                || f.spf().maxVoidLookups() == null) {
            problems.add(new Problem(shown, lines.lineOf("spf"), "spf: hosted (the provider's SPF domains), maxLookups and maxVoidLookups are required"));
        }
        if (f.dmarc() == null || f.dmarc().policies() == null || f.dmarc().policies().isEmpty()) {
            problems.add(new Problem(shown, lines.lineOf("dmarc"), "dmarc: policies (the values p= may take) are required"));
        }
        if (f.servers() == null || f.servers().get("hosted") == null) {
            problems.add(new Problem(shown, lines.lineOf("servers"), "servers: the hosted offer's server is required (servers: {hosted: HOST})"));
        }
        Defaults defaults = f.defaults() == null ? new Defaults("hosted", "unknown") : f.defaults();
        if (f.mx() != null && defaults.mailSetup() != null && !f.mx().containsKey(defaults.mailSetup())) {
            problems.add(new Problem(shown, lines.lineOf("defaults.mailSetup"),
                    "defaults.mailSetup \"" + defaults.mailSetup() + "\" is not a key of mx"));
        }
        BlockLists blockLists = blockLists(f.blockLists(), shown, lines, problems);
        if (f.certificates() != null && (f.certificates().expiringDays() == null || f.certificates().expiringDays() < 1
                || f.certificates().expiringDays() > 365)) {
            problems.add(new Problem(shown, lines.lineOf("certificates.expiringDays"), "certificates.expiringDays: 1 to 365 days"));
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        JsonNode tree = read.tree();
        Map<String, String> servers = new LinkedHashMap<>();
        f.servers().forEach((offer, host) -> servers.put(offer, Hosts.normalize(host)));
        List<String> leftovers = f.autodiscoverHost() == null || f.autodiscoverHost().leftovers() == null ? List.of()
                : f.autodiscoverHost().leftovers().stream().map(Hosts::normalize).toList();
        return new ExpectedValues(normalizeHosts(f.mx()), srv.priority(), srv.weight(), srv.port(),
                normalizeHosts(srv.targets()), defaults.offer(), defaults.mailSetup(), Map.copyOf(servers),
                f.spf().hosted().values().stream().map(Hosts::normalize).toList(), f.spf().maxLookups(), f.spf().maxVoidLookups(),
                leftovers, List.copyOf(f.dmarc().policies()), blockLists, tree);
    }

    /** The block lists' section; absent: no list is asked (a rules folder written before it existed). */
    private static BlockLists blockLists(BlockListSpec spec, String shown, YamlLines lines, List<Problem> problems) {
        if (spec == null) {
            return BlockLists.NONE;
        }
        List<String> zones = spec.zones() == null ? List.of() : spec.zones().stream().map(Hosts::normalize).toList();
        for (String zone : zones) {
            if (!Hosts.isHostName(zone)) {
                problems.add(new Problem(shown, lines.lineOf("blockLists.zones"), "blockLists.zones: not a DNS name: " + zone));
            }
        }
        try {
            return new BlockLists(zones, AddressRange.parseAll(spec.listed() == null ? List.of("127.0.0.0/8") : spec.listed()),
                    AddressRange.parseAll(spec.refused() == null ? List.of() : spec.refused()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(shown, lines.lineOf("blockLists"), "blockLists: " + e.getMessage()));
            return BlockLists.NONE;
        }
    }

    private static Map<String, List<String>> normalizeHosts(Map<String, List<String>> byKey) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byKey.forEach((key, hosts) -> out.put(key, hosts == null ? List.of() : hosts.stream().map(Hosts::normalize).toList()));
        return Map.copyOf(out);
    }
}

package org.exdiag.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server counts, written in the Prometheus text format: requests and their latencies per
 * route, analyses by verdict and root cause, reloads, and the rule base version. Lock-free counters;
 * no label ever holds request data beyond the route pattern.
 */
public final class Metrics {
    private static final double[] BUCKETS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rootCauses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();
    private final LongAdder analysisErrors = new LongAdder();

    private static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS_SECONDS.length);
        final LongAdder count = new LongAdder();
        final AtomicLong sumNanos = new AtomicLong();

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
                if (seconds <= BUCKETS_SECONDS[i]) {
                    counts.incrementAndGet(i);
                }
            }
            count.increment();
            sumNanos.addAndGet(nanos);
        }
    }

    public void request(String method, String route, int status, long nanos) {
        requests.computeIfAbsent(labels("method", method, "route", route, "status", Integer.toString(status)),
                k -> new LongAdder()).increment();
        latencies.computeIfAbsent(labels("method", method, "route", route), k -> new Histogram()).observe(nanos);
    }

    public void analysis(String verdict, Iterable<String> causes) {
        verdicts.computeIfAbsent(labels("verdict", verdict), k -> new LongAdder()).increment();
        for (String code : causes) {
            rootCauses.computeIfAbsent(labels("code", code), k -> new LongAdder()).increment();
        }
    }

    public void analysisError() {
        analysisErrors.increment();
    }

    public void reload(boolean ok) {
        reloads.computeIfAbsent(labels("result", ok ? "ok" : "refused"), k -> new LongAdder()).increment();
    }

    public String render(String ruleBaseVersion, long ruleBaseLoadedEpochSeconds) {
        StringBuilder out = new StringBuilder();
        counter(out, "exdiag_http_requests_total", "HTTP requests by route and status.", requests);
        out.append("# HELP exdiag_http_request_duration_seconds Time to answer, by route.\n")
                .append("# TYPE exdiag_http_request_duration_seconds histogram\n");
        new TreeMap<>(latencies).forEach((labels, h) -> {
            for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
                out.append("exdiag_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(BUCKETS_SECONDS[i]).append("\"} ").append(h.counts.get(i)).append('\n');
            }
            out.append("exdiag_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                    .append(h.count.sum()).append('\n');
            out.append("exdiag_http_request_duration_seconds_sum{").append(labels).append("} ")
                    .append(h.sumNanos.get() / 1e9).append('\n');
            out.append("exdiag_http_request_duration_seconds_count{").append(labels).append("} ").append(h.count.sum()).append('\n');
        });
        counter(out, "exdiag_analyses_total", "Reports made, by verdict.", verdicts);
        counter(out, "exdiag_root_causes_total", "Root causes found, by warning code.", rootCauses);
        out.append("# HELP exdiag_analysis_errors_total Documents refused as bad input or failed in the rules.\n")
                .append("# TYPE exdiag_analysis_errors_total counter\n")
                .append("exdiag_analysis_errors_total ").append(analysisErrors.sum()).append('\n');
        counter(out, "exdiag_rule_reloads_total", "Rule reloads, by result.", reloads);
        out.append("# HELP exdiag_rule_base_info The rule base serving now (value 1), by version.\n")
                .append("# TYPE exdiag_rule_base_info gauge\n")
                .append("exdiag_rule_base_info{version=\"").append(ruleBaseVersion).append("\"} 1\n");
        out.append("# HELP exdiag_rule_base_loaded_timestamp_seconds When the serving rule base was loaded.\n")
                .append("# TYPE exdiag_rule_base_loaded_timestamp_seconds gauge\n")
                .append("exdiag_rule_base_loaded_timestamp_seconds ").append(ruleBaseLoadedEpochSeconds).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, Map<String, LongAdder> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((labels, v) -> out.append(name).append('{').append(labels).append("} ").append(v.sum()).append('\n'));
    }

    private static String labels(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(pairs[i]).append("=\"").append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return out.toString();
    }
}

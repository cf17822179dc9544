package org.exdiag.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real bounces from public collections (src/test/resources/bounces/corpus, each with its source and
 * licence in corpus.yaml), read as a support engineer would read them: every message gives a report or
 * "not a bounce"; the refused recipients the labels name are found; and each cause that has a code gets
 * it. Prints the figures per cause and fails under 95 % of recipients read or 90 % of causes right.
 */
class RealBounceCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/bounces/corpus");
    /** What each label of corpus.yaml means in report v3. */
    static final Map<String, String> CODE_OF_CAUSE = Map.ofEntries(
            Map.entry("user-unknown", "RECIPIENT_UNKNOWN"), Map.entry("domain-unknown", "RECIPIENT_UNKNOWN"),
            Map.entry("mailbox-disabled", "RECIPIENT_UNKNOWN"), Map.entry("mailbox-full", "RECIPIENT_MAILBOX_FULL"),
            Map.entry("ip-blocked", "SENDER_IP_LISTED"), Map.entry("domain-listed", "SENDER_DOMAIN_LISTED"),
            Map.entry("no-ptr", "SENDER_PTR_MISSING"), Map.entry("auth-failed", "REMOTE_REJECTED_UNAUTHENTICATED"),
            Map.entry("spam", "REMOTE_REJECTED_AS_SPAM"), Map.entry("relay-denied", "RELAY_DENIED"),
            Map.entry("rate-limited", "REMOTE_RATE_LIMITED"), Map.entry("too-large", "MESSAGE_TOO_LARGE"),
            Map.entry("tls-required", "REMOTE_REQUIRES_TLS"), Map.entry("expired", "REMOTE_UNREACHABLE"),
            Map.entry("unreachable", "REMOTE_UNREACHABLE"));

    private static Expertise expertise;

    @BeforeAll
    static void load() throws Exception {
        expertise = TestSupport.expertise();
    }

    @Test
    void realBouncesAreReadAndTheirCausesNamed() throws Exception {
        JsonNode corpus = new ObjectMapper(new YAMLFactory()).readTree(CORPUS.resolve("corpus.yaml").toFile());
        Tally all = new Tally("all");
        Tally validation = new Tally("validation set only (messages taken after the reader was tuned on the others)");
        for (JsonNode m : corpus.get("messages")) {
            String file = m.get("file").asText();
            Tally tally = m.has("set") && m.get("set").asText().equals("validation") ? new Both(all, validation) : all;
            NdrReading reading = NdrReader.read(Files.readAllBytes(CORPUS.resolve(file)));
            if (!m.get("bounce").asBoolean()) {
                tally.notBounce(file, !reading.isBounce());
                continue;
            }
            tally.bounce(file, reading.isBounce());
            if (!reading.isBounce()) {
                m.get("recipients").forEach(r -> tally.missed(file, r, "no report: " + reading.notBounce()));
                continue;
            }
            for (JsonNode r : m.get("recipients")) {
                BounceFacts found = find(reading.bounces(), r.get("address").isNull() ? null : r.get("address").asText());
                if (found == null) {
                    tally.missed(file, r, "not read; read: " + reading.bounces().stream().map(BounceFacts::recipient).toList());
                    continue;
                }
                tally.read();
                String code = CODE_OF_CAUSE.get(r.get("cause").asText());
                if (code != null) {
                    Report report = expertise.report(FactsDocument.ofBounces(null, Instant.EPOCH, List.of(found)), Language.EN);
                    List<String> codes = report.warnings().stream().map(ReportWarning::code).toList();
                    tally.cause(file, r.get("cause").asText(), codes.contains(code), codes, found);
                }
            }
        }
        System.out.println(all);
        System.out.println(validation);
        assertThat(all.bouncesReported).as("bounces with a report").isEqualTo(all.bounces);
        assertThat(all.readShare()).as("refused recipients read").isGreaterThanOrEqualTo(0.95);
        assertThat(all.rightShare()).as("causes right").isGreaterThanOrEqualTo(0.90);
    }

    /** The bounce of the labelled recipient; for a label without address, the one bounce without one, or the only one. */
    private static BounceFacts find(List<BounceFacts> bounces, String address) {
        for (BounceFacts b : bounces) {
            if (address != null && address.equalsIgnoreCase(b.recipient())) {
                return b;
            }
        }
        if (address == null) {
            return bounces.stream().filter(b -> b.recipient() == null).findFirst().orElse(bounces.size() == 1 ? bounces.get(0) : null);
        }
        return null;
    }

    /** Counts into two tallies at once: the whole corpus and the validation set. */
    private static final class Both extends Tally {
        private final Tally other;

        Both(Tally first, Tally other) {
            super(null);
            this.first = first;
            this.other = other;
        }

        private final Tally first;

        @Override
        void bounce(String file, boolean reported) {
            first.bounce(file, reported);
            other.bounce(file, reported);
        }

        @Override
        void notBounce(String file, boolean skipped) {
            first.notBounce(file, skipped);
            other.notBounce(file, skipped);
        }

        @Override
        void missed(String file, JsonNode r, String why) {
            first.missed(file, r, why);
            other.missed(file, r, why);
        }

        @Override
        void read() {
            first.read();
            other.read();
        }

        @Override
        void cause(String file, String cause, boolean right, List<String> codes, BounceFacts b) {
            first.cause(file, cause, right, codes, b);
            other.cause(file, cause, right, codes, b);
        }
    }

    private static class Tally {
        private final String name;
        int bounces;
        int bouncesReported;
        int notBounces;
        int notBouncesSkipped;
        int recipients;
        int read;
        final Map<String, int[]> byCause = new TreeMap<>();
        final List<String> misses = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void bounce(String file, boolean reported) {
            bounces++;
            if (reported) {
                bouncesReported++;
            } else {
                misses.add("NO REPORT " + file);
            }
        }

        void notBounce(String file, boolean skipped) {
            notBounces++;
            if (skipped) {
                notBouncesSkipped++;
            } else {
                misses.add("TAKEN FOR A BOUNCE " + file);
            }
        }

        void missed(String file, JsonNode r, String why) {
            recipients++;
            misses.add("NOT READ " + file + " " + r.get("address").asText() + ": " + why);
        }

        void read() {
            recipients++;
            read++;
        }

        void cause(String file, String cause, boolean right, List<String> codes, BounceFacts b) {
            int[] c = byCause.computeIfAbsent(cause, k -> new int[2]);
            c[0]++;
            if (right) {
                c[1]++;
            } else {
                misses.add("WRONG " + file + " " + cause + " -> " + codes + " [" + b.kind().wire() + "] " + b.reply().replace('\n', ' '));
            }
        }

        double readShare() {
            return recipients == 0 ? 1 : (double) read / recipients;
        }

        double rightShare() {
            int all = byCause.values().stream().mapToInt(c -> c[0]).sum();
            int right = byCause.values().stream().mapToInt(c -> c[1]).sum();
            return all == 0 ? 1 : (double) right / all;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("Real bounce corpus, " + name + ":\n");
            misses.forEach(m -> out.append("  ").append(m).append('\n'));
            out.append(String.format("  bounces with a report: %d/%d; not bounces skipped: %d/%d%n", bouncesReported, bounces,
                    notBouncesSkipped, notBounces));
            out.append(String.format("  refused recipients read: %d/%d (%.1f %%)%n", read, recipients, 100 * readShare()));
            int all = byCause.values().stream().mapToInt(c -> c[0]).sum();
            int right = byCause.values().stream().mapToInt(c -> c[1]).sum();
            out.append(String.format("  causes right: %d/%d (%.1f %%)%n", right, all, 100 * rightShare()));
            byCause.forEach((cause, c) -> out.append(String.format("    %-18s %-32s %3d/%3d%n", cause, CODE_OF_CAUSE.get(cause), c[1], c[0])));
            return out.toString();
        }
    }
}

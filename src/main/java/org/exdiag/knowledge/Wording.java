package org.exdiag.knowledge;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every word of one language that is not a warning's own text: the fixed words of reports and of the
 * web page, the vocabularies that translate facts values (lookup statuses, connect results...), and
 * how values are shown in evidence. From {@code messages.yaml}; immutable.
 */
public final class Wording {
    static final Set<String> JOINERS = Set.of("or", "and");
    /** Filters that are not vocabularies: the joiners, and {@code size}, which shows a number of bytes in GiB or MiB. */
    static final Set<String> BUILT_IN_FILTERS = Set.of("or", "and", "size");

    /**
     * The words exdiag's own reports use (text, Markdown): rules check refuses a messages.yaml without
     * one of them. WordingTest keeps this list in step with the report code.
     */
    public static final Set<String> REQUIRED = Set.of("punctuation.colon", "list.or", "list.and", "value.unknown",
            "punctuation.decimal", "unit.gib", "unit.mib", "verdict.healthy", "verdict.problems", "verdict.incomplete",
            "report.rootCauses", "report.explained", "report.explains", "report.explainedBy", "report.fix",
            "report.noWarning", "report.noMailbox", "report.couldNotCheck",
            "help.title", "help.verdict", "help.collected", "help.facts", "help.generated",
            "digest.accepted", "digest.account", "digest.autodiscoverHost", "digest.bounce", "digest.canReceive",
            "digest.canSend", "digest.connect", "digest.directTest", "digest.dkim", "digest.dmarc", "digest.dnsLookups",
            "digest.error", "digest.expectedCname", "digest.imap", "digest.inbound", "digest.lastCheck", "digest.locked",
            "digest.lockedUntil", "digest.logins", "digest.mailSetup", "digest.mx", "digest.mxValid", "digest.noSelector",
            "digest.notProbed", "digest.offer", "digest.outbound", "digest.owa", "digest.privateHost", "digest.provider",
            "digest.providerStatus", "digest.quota", "digest.received", "digest.receivedAt", "digest.recipient",
            "digest.remoteMta", "digest.sent", "digest.sendingIp", "digest.ptr", "digest.forwardConfirmed", "digest.blockLists", "digest.setup", "digest.spamBlocked", "digest.spammer", "digest.spf",
            "digest.spfChecks", "digest.srv", "digest.srvValid", "digest.state", "digest.subscriptionEnds",
            "digest.suspended", "digest.testEmails", "digest.voidLookups", "digest.waited", "digest.webmail");

    /** The vocabularies exdiag's own reports use. */
    public static final Set<String> REQUIRED_VOCABULARIES = Set.of("part", "severity", "account-state", "auth-result",
            "connect", "dkim-status", "lookup-status", "block-list-status", "mail-setup", "offer", "spf-result", "yes-no");

    private final Language language;
    private final Map<String, String> words;
    private final Map<String, Map<String, String>> values;
    private final Function<String, Object> expected;

    Wording(Language language, Map<String, String> words, Map<String, Map<String, String>> values,
            Function<String, Object> expected) {
        this.language = language;
        this.words = words;
        this.values = values;
        this.expected = expected;
    }

    /** The same words, with {@code expected.} places resolved from the rules' data. */
    public Wording withExpected(Function<String, Object> lookup) {
        return new Wording(language, words, values, lookup);
    }

    public Language language() {
        return language;
    }

    /** A fixed word; the key itself when missing (rules check makes sure none is). */
    public String word(String key) {
        String w = words.get(key);
        return w == null ? key : w;
    }

    /** Every word whose key starts with {@code prefix}, the prefix removed (the web page's labels). */
    public Map<String, String> wordsStartingWith(String prefix) {
        return words.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()), Map.Entry::getValue, (a, b) -> a,
                        java.util.TreeMap::new));
    }

    /** A whole vocabulary (value to words), empty when there is none of that name. */
    public Map<String, String> vocabulary(String name) {
        return values.getOrDefault(name, Map.of());
    }

    /** A value translated by a vocabulary ({@code lookup-status}: {@code nxdomain}...); the value itself when it has no entry. */
    public String value(String vocabulary, Object value) {
        if (value == null) {
            return word("value.unknown");
        }
        Map<String, String> vocab = values.get(vocabulary);
        String key = value.toString();
        String shown = vocab == null ? null : vocab.get(key);
        return shown == null ? key : shown;
    }

    public boolean hasWord(String key) {
        return words.containsKey(key);
    }

    public boolean hasVocabulary(String name) {
        return values.containsKey(name);
    }

    /** A number of bytes in GiB (MiB under one), one decimal, with the language's decimal mark and units. */
    private String size(long bytes) {
        boolean gib = bytes >= 1L << 30;
        double amount = bytes / (double) (gib ? 1L << 30 : 1L << 20);
        String number = String.format(java.util.Locale.ROOT, "%.1f", amount).replace(".", word("punctuation.decimal"));
        return number + " " + word(gib ? "unit.gib" : "unit.mib");
    }

    /** ": " in English, " : " in French typography. */
    public String colon() {
        return word("punctuation.colon");
    }

    Object expected(String path) {
        return expected == null ? null : expected.apply(path);
    }

    /** A value as evidence shows it: lists joined, instants in UTC, nulls as "unknown", through a filter when given. */
    String show(Object value, String filter) {
        if ("size".equals(filter) && value instanceof Number bytes) {
            return size(bytes.longValue());
        }
        if (value instanceof Collection<?> list) {
            String joiner = filter != null && JOINERS.contains(filter) ? " " + word("list." + filter) + " " : ", ";
            String itemFilter = filter != null && JOINERS.contains(filter) ? null : filter;
            StringBuilder joined = new StringBuilder();
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    joined.append(joiner);
                }
                joined.append(show(item, itemFilter));
                first = false;
            }
            return joined.toString();
        }
        if (filter != null && !BUILT_IN_FILTERS.contains(filter)) {
            return value(filter, value);
        }
        if (value == null) {
            return word("value.unknown");
        }
        if (value instanceof Instant instant) {
            return iso(instant);
        }
        return value.toString();
    }

    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    /**
     * {@link Instant#toString()}, written by hand for whole seconds of years 0-9999 (every instant the
     * facts hold): the JDK's formatter was a twentieth of the rules' samples in a JFR profile of a
     * document with dates in its evidence (JFR undercounts Drools' frames, so less of the whole than
     * that). Anything else goes to the JDK.
     */
    private static final String ISO_AFTER = "--T::Z";

    static String iso(Instant instant) {
        if (instant.getNano() != 0 || instant.getEpochSecond() < YEAR_0 || instant.getEpochSecond() >= YEAR_10000) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int[] fields = {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()};
        char[] out = new char[20];
        int at = 0;
        for (int f = 0; f < fields.length; f++) {
            int width = f == 0 ? 4 : 2;
            digits(out, at, fields[f], width);
            at += width;
            out[at++] = ISO_AFTER.charAt(f); // yyyy-MM-ddTHH:mm:ssZ
        }
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

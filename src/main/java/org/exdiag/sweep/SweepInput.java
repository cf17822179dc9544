package org.exdiag.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.probe.DiagnosticSettings;

/**
 * Reads one line of a sweep's input: {@code domain[,offer[,mailSetup[,privateHost]]]}, or a JSON object
 * {@code {"domain", "offer", "mailSetup", "privateHost", "dkimSelectors"}}. What a line leaves out takes
 * the sweep's defaults ({@code --offer}, {@code --setup}, {@code --dkim-selector}). A line that is not a
 * domain to check gets one sentence saying what is wrong with it, never an exception.
 */
public final class SweepInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("domain", "offer", "mailSetup", "privateHost", "dkimSelectors");
    private static final String TEXT_SHAPE = "domain[,offer[,mailSetup[,privateHost]]]";

    private final Offer offer;
    private final MailSetup mailSetup;
    private final List<String> dkimSelectors;

    /** The defaults: each may be null (unknown), the selectors empty (DKIM not checked). */
    public SweepInput(Offer offer, MailSetup mailSetup, List<String> dkimSelectors) {
        DiagnosticSettings.checkDkimSelectors(dkimSelectors);
        this.offer = offer;
        this.mailSetup = mailSetup;
        this.dkimSelectors = List.copyOf(dkimSelectors);
    }

    /** A line that is not a domain to check says why, in one sentence naming the value at fault. */
    private static final class BadLine extends IllegalArgumentException {
        BadLine(String message) {
            super(message);
        }
    }

    /** The line as a domain to check, or as an error naming {@code source} and what is wrong. */
    public SweepItem read(String source, String line) {
        String text = line.strip();
        try {
            return SweepItem.of(source, text.startsWith("{") ? json(text) : text(text));
        } catch (BadLine e) {
            return SweepItem.bad(source, e.getMessage());
        }
    }

    /** Whether a line of text input holds nothing to check: blank, or a comment ({@code #}). */
    public static boolean isComment(String line) {
        String text = line.strip();
        return text.isEmpty() || text.startsWith("#");
    }

    private SweepTarget text(String text) {
        String[] fields = text.split(",", -1);
        if (fields.length > 4) {
            throw new BadLine(fields.length + " fields, expected at most 4: " + TEXT_SHAPE);
        }
        return target(fields[0], field(fields, 1), field(fields, 2), field(fields, 3), null);
    }

    private static String field(String[] fields, int index) {
        if (index >= fields.length || fields[index].isBlank()) {
            return null;
        }
        return fields[index].strip();
    }

    private SweepTarget json(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadLine("not JSON: " + jacksonSentence(e.getOriginalMessage()));
        }
        if (!node.isObject()) {
            throw new BadLine("a JSON line must be an object {\"domain\": ...}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                throw new BadLine("unknown field \"" + shown(name) + "\" (expected domain, offer, mailSetup, privateHost, dkimSelectors)");
            }
        }
        List<String> selectors = null;
        JsonNode given = node.get("dkimSelectors");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw new BadLine("dkimSelectors: expected a list of selectors");
            }
            selectors = new ArrayList<>();
            for (JsonNode s : given) {
                if (!s.isTextual()) {
                    throw new BadLine("dkimSelectors: expected a list of selectors");
                }
                selectors.add(s.asText());
            }
        }
        String domain = string(node, "domain");
        if (domain == null) {
            throw new BadLine("domain: required");
        }
        return target(domain, string(node, "offer"), string(node, "mailSetup"), string(node, "privateHost"), selectors);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadLine(field + ": expected a string");
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }

    private SweepTarget target(String domainText, String offerText, String setupText, String hostText, List<String> selectors)
            {
        String domain = domain(domainText.strip());
        String host = hostText == null ? null : Hosts.normalize(hostText);
        if (host != null && !(Hosts.isHostName(host) && host.contains("."))) {
            throw new BadLine("privateHost: not a host name: \"" + shown(hostText) + "\"");
        }
        Offer o = offerText == null ? (host != null ? Offer.PRIVATE : offer) : offer(offerText);
        if (o == Offer.PRIVATE && host == null) {
            throw new BadLine("the private offer needs the private host (" + TEXT_SHAPE + ")");
        }
        MailSetup setup = setupText == null ? mailSetup : setup(setupText);
        List<String> s = selectors == null ? dkimSelectors : selectors;
        try {
            DiagnosticSettings.checkDkimSelectors(s);
        } catch (IllegalArgumentException e) {
            throw new BadLine("dkimSelectors: " + e.getMessage());
        }
        return new SweepTarget(domain, new Expectation(o, setup, host), s);
    }

    /** The domain in the form rules compare: lower case, no final dot; two labels at least. */
    static String domain(String text) {
        if (text.isEmpty()) {
            throw new BadLine("no domain");
        }
        if (text.contains("@")) {
            throw new BadLine("\"" + shown(text) + "\" is an address: give its domain");
        }
        String d = Hosts.normalize(text);
        if (IpLiterals.isValid(d) || !Hosts.isHostName(d) || !d.contains(".")) {
            throw new BadLine("not a domain name: \"" + shown(text) + "\"");
        }
        return d;
    }

    /** hosted or private; anything else is an IllegalArgumentException saying what is expected. */
    public static Offer offer(String text) {
        for (Offer o : Offer.values()) {
            if (o.wire().equalsIgnoreCase(text.strip())) {
                return o;
            }
        }
        throw new BadLine("unknown offer \"" + shown(text) + "\" (expected hosted or private)");
    }

    /** exchange-only, with-provider-pop-imap, with-external-pop-imap, or unknown (null); else an IllegalArgumentException. */
    public static MailSetup setup(String text) {
        if (text.strip().equalsIgnoreCase("unknown")) {
            return null;
        }
        for (MailSetup m : MailSetup.values()) {
            if (m.wire().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new BadLine("unknown mail setup \"" + shown(text) + "\" (expected exchange-only, with-provider-pop-imap, "
                + "with-external-pop-imap or unknown)");
    }

    /** A value quoted in an error: at most 80 characters, control characters as '?', so that no line floods the log. */
    private static String shown(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** Jackson's own words without where it read from (a source nobody sees) or its excerpt of the line. */
    private static String jacksonSentence(String message) {
        String s = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        for (String cut : new String[] {" (start marker", " at [Source", " (for "}) {
            int at = s.indexOf(cut);
            if (at > 0) {
                s = s.substring(0, at);
            }
        }
        return shown(s);
    }
}

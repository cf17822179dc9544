package org.exdiag.probe.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.exdiag.facts.AccountFlags;
import org.exdiag.facts.AccountState;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.DkimProviderStatus;
import org.exdiag.probe.DomainRecordsProbe;
import org.exdiag.facts.MailboxQuota;
import org.exdiag.facts.Offer;
import org.exdiag.facts.ProviderDiagnosis;
import org.exdiag.probe.AccountSource;
import org.exdiag.probe.ProbeException;
import org.exdiag.probe.Secret;

/**
 * Account flags, offer and the provider's own diagnosis from the OVH API v1 ({@code /email/exchange}).
 * The Exchange service holding a mailbox is found once (organizations, then services, then the
 * account) and remembered. Every API failure becomes a "could not check" entry with the API's error
 * code, and the part it concerns stays unknown: never a crash, never a verdict.
 */
public final class OvhAccountSource implements AccountSource {
    /** Whether to start a new provider diagnosis (it needs the password), read the last one, or neither. */
    public enum Diagnosis { RUN, REUSE, SKIP }

    private record ServiceRef(String organization, String service) {
        String base() {
            return "/email/exchange/" + OvhApi.segment(organization) + "/service/" + OvhApi.segment(service);
        }
    }

    private final OvhApi api;
    private final Diagnosis diagnosis;
    private final Duration diagnosisWait;
    private final Clock clock;
    private final Map<String, ServiceRef> services = new ConcurrentHashMap<>();

    public OvhAccountSource(OvhApi api, Diagnosis diagnosis, Duration diagnosisWait, Clock clock) {
        this.api = api;
        this.diagnosis = diagnosis;
        this.diagnosisWait = diagnosisWait;
        this.clock = clock;
    }

    @Override
    public View fetch(String mailbox, Secret password) throws ProbeException {
        List<CouldNotCheckFacts> problems = new ArrayList<>();
        ServiceRef ref;
        try {
            ref = find(mailbox);
        } catch (OvhApiException e) {
            return new View(null, null, null, null, List.of(new CouldNotCheckFacts("account", "finding the account: " + e.describe())));
        }
        if (ref == null) {
            return new View(null, null, null, null, List.of(new CouldNotCheckFacts("account",
                    "no Exchange service of these API keys holds " + mailbox)));
        }
        String account = ref.base() + "/account/" + OvhApi.segment(mailbox);
        AccountFlags flags = null;
        try {
            flags = flags(api.get(account));
        } catch (OvhApiException e) {
            problems.add(new CouldNotCheckFacts("account", "account flags: " + e.describe()));
        }
        Offer offer = null;
        String host = null;
        try {
            JsonNode service = api.get(ref.base());
            offer = offer(service.path("offer").asText(""));
            host = service.path("hostname").asText(null);
        } catch (OvhApiException e) {
            problems.add(new CouldNotCheckFacts("account", "service offer: " + e.describe()));
        }
        ProviderDiagnosis provider = null;
        try {
            provider = switch (diagnosis) {
                case SKIP -> null;
                case REUSE -> diagnosis(api.get(account + "/diagnostics"));
                case RUN -> run(account, password);
            };
        } catch (OvhApiException e) {
            problems.add(new CouldNotCheckFacts("provider", "provider diagnosis: " + e.describe()));
        }
        List<DomainRecordsProbe.Selector> dkim = null;
        String domain = mailbox.substring(mailbox.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        try {
            dkim = dkim(ref, domain);
        } catch (OvhApiException e) {
            problems.add(new CouldNotCheckFacts("dns.dkim", "DKIM selectors: " + e.describe()));
        }
        return new View(flags, provider, offer, host, List.copyOf(problems), dkim);
    }

    /**
     * The domain's DKIM selectors and their state, as the API lists them
     * ({@code .../domain/{domainName}/dkimSelector}, then {@code .../dkim/{selectorName}}): the record the
     * customer must publish points to {@code targetRecord}.
     */
    private List<DomainRecordsProbe.Selector> dkim(ServiceRef ref, String domain) throws OvhApiException {
        String base = ref.base() + "/domain/" + OvhApi.segment(domain);
        List<DomainRecordsProbe.Selector> selectors = new ArrayList<>();
        for (JsonNode name : api.get(base + "/dkimSelector")) {
            String selector = name.asText();
            JsonNode d = api.get(base + "/dkim/" + OvhApi.segment(selector));
            String target = d.path("targetRecord").asText(null);
            selectors.add(new DomainRecordsProbe.Selector(selector, target == null || target.isBlank() ? null : target,
                    dkimStatus(d.path("status").asText(""))));
        }
        return selectors;
    }

    static DkimProviderStatus dkimStatus(String status) {
        for (DkimProviderStatus s : DkimProviderStatus.values()) {
            if (s.wire().equalsIgnoreCase(status)) {
                return s;
            }
        }
        return null;
    }

    private ServiceRef find(String mailbox) throws OvhApiException {
        String key = mailbox.toLowerCase(Locale.ROOT);
        ServiceRef known = services.get(key);
        if (known != null) {
            return known;
        }
        for (JsonNode org : api.get("/email/exchange")) {
            String organization = org.asText();
            for (JsonNode svc : api.get("/email/exchange/" + OvhApi.segment(organization) + "/service")) {
                ServiceRef ref = new ServiceRef(organization, svc.asText());
                try {
                    api.get(ref.base() + "/account/" + OvhApi.segment(mailbox));
                    services.put(key, ref);
                    return ref;
                } catch (OvhApiException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
            }
        }
        return null;
    }

    private ProviderDiagnosis run(String account, Secret password) throws OvhApiException {
        Instant asked = clock.instant();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("password", password.reveal());
        api.post(account + "/diagnostics", body.toString());
        long deadline = System.nanoTime() + diagnosisWait.toNanos();
        while (true) {
            ProviderDiagnosis d = diagnosis(api.get(account + "/diagnostics"));
            if (d.lastCheck() != null && !d.lastCheck().isBefore(asked.minusSeconds(5))) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                // The provider has not finished: its previous diagnosis is still evidence, with its date.
                return d;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return d;
            }
        }
    }

    static AccountFlags flags(JsonNode a) {
        AccountState state = switch (a.path("state").asText("").toLowerCase(Locale.ROOT)) {
            case "ok" -> AccountState.ACTIVE;
            case "suspended", "suspending" -> AccountState.SUSPENDED;
            default -> AccountState.UNKNOWN;
        };
        Boolean spam = a.hasNonNull("spamDetected") ? a.get("spamDetected").asBoolean() : null;
        Boolean locked = a.hasNonNull("locked") ? a.get("locked").asBoolean() : null;
        return new AccountFlags(state, spam, locked, null, instant(a.path("expirationDate").asText(null)), quota(a));
    }

    /**
     * The mailbox's size from the account: the API's schema says {@code currentUsage} is "Mailbox usage in
     * KB" and {@code quota} "Maximum mailbox usage in GB" (the 50 GB plan is 53,687,091,200 bytes: binary
     * units). Null when the API gives neither.
     */
    static MailboxQuota quota(JsonNode a) {
        Long usedKb = a.hasNonNull("currentUsage") && a.get("currentUsage").canConvertToLong() ? a.get("currentUsage").asLong() : null;
        Long limitGb = a.hasNonNull("quota") && a.get("quota").canConvertToLong() ? a.get("quota").asLong() : null;
        if (usedKb == null && limitGb == null || usedKb != null && usedKb < 0 || limitGb != null && limitGb < 0) {
            return null;
        }
        return new MailboxQuota(usedKb == null ? null : usedKb * 1024L, limitGb == null ? null : limitGb * (1L << 30));
    }

    static ProviderDiagnosis diagnosis(JsonNode d) {
        return new ProviderDiagnosis(instant(d.path("lastCheck").asText(null)), bool(d, "isMxValid"), bool(d, "isSrvValid"),
                bool(d, "isSpammer"), bool(d, "isSuspended"), bool(d, "isLocked"), bool(d, "canSendEmail"),
                bool(d, "canReceiveEmail"), bool(d, "connectiveOWA"));
    }

    /** hosted and provider run on the shared Hosted Exchange platform; dedicated ones are Private Exchange. */
    static Offer offer(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hosted", "provider" -> Offer.HOSTED;
            case "dedicated", "dedicatedcluster" -> Offer.PRIVATE;
            default -> null;
        };
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asBoolean() : null;
    }

    /** The API writes dates as ISO instants, with an offset, or as plain dates. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}

package org.exdiag.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A certificate a server on Outlook's way presented: {@code where} autodiscover (with the attempt's
 * {@code method}) or ews (method null), the URL, how it checked out ({@code status}: ok, expired,
 * not-yet-valid, name-mismatch, untrusted, incomplete-chain) and what it says (subject, names, issuer,
 * end date). {@code invalid}: a status that makes Outlook refuse it or prompt. Dates are judged against
 * the Clock fact ({@code expiresWithin}).
 */
public record Certificate(String where, String method, String url, String host, String status, String subject, List<String> names,
                          String issuer, Instant notAfter) {
    private static final Set<String> INVALID = Set.of("expired", "not-yet-valid", "name-mismatch", "untrusted", "incomplete-chain");

    public boolean isInvalid() {
        return INVALID.contains(status);
    }

    /** It ends after {@code now} but within {@code days} of it. */
    public boolean expiresWithin(Instant now, int days) {
        return notAfter != null && notAfter.isAfter(now) && !notAfter.isAfter(now.plus(Duration.ofDays(days)));
    }

    /** Whole days left at {@code now}, for the evidence. */
    public long daysLeft(Instant now) {
        return notAfter == null ? 0 : Duration.between(now, notAfter).toDays();
    }
}

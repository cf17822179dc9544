package org.exdiag.rules;

/**
 * The domain's SPF: how the TXT lookup ended, how many SPF records it has, and what evaluating the
 * policy found (lookups and void lookups counted, the error when it failed; null when not evaluated).
 */
public record SpfLookup(String status, int count, Integer dnsLookups, Integer voidLookups, String error) implements DnsAnswer.Counted {
    /** The probe writes a temporary failure's error as {@code temperror: why} (facts format v2). */
    private static final String TEMPERROR = "temperror";

    /**
     * Evaluating the policy failed for a lasting reason (syntax, loop, too many lookups): the policy is
     * wrong, whatever the receiver. Rules write {@code SpfLookup( permerror, $error : error )}.
     */
    public boolean isPermerror() {
        return error != null && !error.startsWith(TEMPERROR);
    }

    /** Evaluating the policy failed for a passing reason (a lookup without an answer): could not check. */
    public boolean isTemperror() {
        return error != null && error.startsWith(TEMPERROR);
    }
}

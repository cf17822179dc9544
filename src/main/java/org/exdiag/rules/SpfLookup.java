package org.exdiag.rules;

/**
 * The domain's SPF: how the TXT lookup ended, how many SPF records it has, and what evaluating the
 * policy found (lookups and void lookups counted, the error when it failed; null when not evaluated).
 */
public record SpfLookup(String status, int count, Integer dnsLookups, Integer voidLookups, String error) {
}

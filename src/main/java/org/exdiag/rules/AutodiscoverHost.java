package org.exdiag.rules;

/** {@code autodiscover.<domain>}: how the lookup ended, its CNAME target (normalized) or null, how many addresses. */
public record AutodiscoverHost(String status, String cname, int addresses) implements DnsAnswer {
}

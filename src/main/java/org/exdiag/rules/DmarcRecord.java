package org.exdiag.rules;

import java.util.Map;

/** One DMARC record as published, its tags read (RFC 7489 6.4); {@code policy} is p=, lower case, or null. */
public record DmarcRecord(String raw, String policy, Map<String, String> tags) {
}

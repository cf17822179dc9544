package org.exdiag.facts;

import java.util.List;

/** The outcome of one DNS lookup: how it ended and the records it returned. */
public record DnsLookup<R>(LookupStatus status, List<R> records) {
    public DnsLookup {
        if (status == null) {
            throw new InvalidFactException("status", "is required");
        }
        records = Checks.copyOrEmpty(records);
    }
}

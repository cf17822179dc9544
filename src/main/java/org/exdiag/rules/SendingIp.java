package org.exdiag.rules;

import java.util.List;

/**
 * An address the mail leaves from, as receivers see it: how its reverse lookup ended ({@code status},
 * with {@code failed} and {@code missing} as every lookup has them: no PTR name is {@code missing}),
 * the PTR names (normalized), and whether one resolves back to it ({@code forwardConfirmed}; null:
 * not checked).
 */
public record SendingIp(String address, String status, List<String> names, Boolean forwardConfirmed)
        implements DnsAnswer.Counted {
    @Override
    public int count() {
        return names.size();
    }
}

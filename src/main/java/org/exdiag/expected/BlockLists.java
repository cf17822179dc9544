package org.exdiag.expected;

import java.net.InetAddress;
import java.util.List;

/**
 * The DNS block lists the addresses mail leaves from are looked up in, and what their answers mean
 * (expected-values.yaml, {@code blockLists}).
 *
 * @param zones   the lists' zones, asked for {@code <reversed address>.<zone>}
 * @param listed  the answers that are listings (RFC 5782: 127.0.0.0/8)
 * @param refused the answers that are the list refusing the query, within {@code listed} (Spamhaus's 127.255.255.x)
 */
public record BlockLists(List<String> zones, List<AddressRange> listed, List<AddressRange> refused) {
    public static final BlockLists NONE = new BlockLists(List.of(), List.of(), List.of());

    public BlockLists {
        zones = List.copyOf(zones);
        listed = List.copyOf(listed);
        refused = List.copyOf(refused);
    }

    /** The same lists, other zones (a user's {@code --dnsbl}). */
    public BlockLists withZones(List<String> other) {
        return new BlockLists(other, listed, refused);
    }

    /** Whether an answer names the address as listed: in {@code listed} and not a refusal. */
    public boolean isListing(InetAddress answer) {
        return listed.stream().anyMatch(r -> r.contains(answer)) && refused.stream().noneMatch(r -> r.contains(answer));
    }
}

package org.exdiag.expected;

import java.net.InetAddress;
import java.util.List;
import org.exdiag.facts.IpLiterals;

/** A network written as {@code address/prefix} (127.255.255.0/24, 2001:db8::/32), or one address. */
public record AddressRange(byte[] network, int prefix) {
    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!IpLiterals.isValid(address)) {
            throw new IllegalArgumentException("not an address or network: " + text);
        }
        byte[] bytes = IpLiterals.parse(address).getAddress();
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address or network: " + text);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix out of range: " + text);
        }
        return new AddressRange(bytes, prefix);
    }

    public static List<AddressRange> parseAll(List<String> texts) {
        return texts.stream().map(AddressRange::parse).toList();
    }

    /** Whether {@code address} is in the network: the same family, the first {@code prefix} bits alike. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length || prefix > bytes.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

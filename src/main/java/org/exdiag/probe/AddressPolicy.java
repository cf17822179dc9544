package org.exdiag.probe;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a diagnostic may connect to when DNS chooses them (the MX hosts of the inbound
 * test). On the command line anything goes; a server refuses loopback and private ranges, so that a
 * domain whose MX points inside the network cannot turn the service into a scanner.
 */
@FunctionalInterface
public interface AddressPolicy {
    boolean allows(InetAddress address);

    AddressPolicy ANY = address -> true;

    AddressPolicy PUBLIC_ONLY = address -> !(address.isLoopbackAddress() || address.isAnyLocalAddress()
            || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isMulticastAddress()
            || isCarrierGradeNat(address) || isUniqueLocal(address));

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static boolean isUniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }
}

package org.exdiag.probe.spf;

import java.util.Locale;

/** Domain names as SPF handles them: what can be looked up, what is a domain at all (RFC 7208 4.3, 7.3). */
final class DnsNames {
    /** The longest name in text form, without its trailing dot (7.3). */
    static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private DnsNames() {
    }

    /** Without the trailing dot of a fully qualified name: "example.com." and "example.com" are one name. */
    static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Labels of 1 to 63 characters, 253 in all: a name a DNS query can carry. */
    static boolean isQueryable(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return false;
            }
        }
        return true;
    }

    /**
     * What check_host() can start from (4.3): a queryable name of two labels at least; not a domain literal
     * ("[192.0.2.1]", which HELO may give).
     */
    static boolean isDomain(String name) {
        return isQueryable(name) && name.indexOf('.') > 0 && !name.startsWith("[");
    }

    /** A name made by macros, cut from the left label by label to 253 characters (7.3). */
    static String truncate(String name) {
        String n = name;
        while (n.length() > MAX_NAME && n.indexOf('.') >= 0) {
            n = n.substring(n.indexOf('.') + 1);
        }
        return n;
    }

    /** {@code name} is {@code domain} or below it, whatever the case (ptr, 5.5; DNS names ignore case). */
    static boolean isAtOrBelow(String name, String domain) {
        String n = strip(name).toLowerCase(Locale.ROOT);
        String d = strip(domain).toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }
}

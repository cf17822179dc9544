package org.exdiag.facts;

/** IP address literals, checked by hand: never a DNS lookup, whatever the text. */
public final class IpLiterals {
    private IpLiterals() {
    }

    public static boolean isValid(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    /** The address a literal names, parsed without a lookup; an IllegalArgumentException for anything else. */
    public static java.net.InetAddress parse(String text) {
        if (text == null || !isValid(text)) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return java.net.InetAddress.getByName(text); // a checked literal: InetAddress parses it, asks no one
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    public static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255 || part.length() > 1 && part.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 text forms: eight groups, one "::", and an IPv4 tail. */
    public static boolean isIpv6(String text) {
        if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue; // part of "::" (checked above) or a leading/trailing colon of it
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIpv4(g)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            count++;
        }
        if (text.startsWith(":") && !text.startsWith("::") || text.endsWith(":") && !text.endsWith("::")) {
            return false;
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }
}

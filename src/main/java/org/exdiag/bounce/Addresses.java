package org.exdiag.bounce;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses as bounces write them: found in text, cleaned, and told apart from the mail system's own. */
final class Addresses {
    /** An address in running text: RFC 5322's atext local part (or a quoted one), a dotted domain. */
    static final Pattern IN_TEXT = Pattern.compile(
            "(?<![A-Za-z0-9._%+=#$&*/?^`{|}~!-])((?:\"[^\"\\n]{1,64}\"|[A-Za-z0-9!#$%&*+/=?^_`{|}~-][A-Za-z0-9!#$%&'*+/=?^_`{|}~-]*(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");
    /** Local parts of mail systems' own mailboxes: never a customer's address, nor a refused recipient. */
    private static final Set<String> SYSTEM = Set.of("postmaster", "mailer-daemon", "mailerdaemon", "mail-daemon", "daemon",
            "root", "hostmaster", "abuse", "noc", "security", "nobody", "bounce", "bounces", "bounce-notification", "mailer",
            "mail-delivery-system", "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e");
    private static final int MAX_LENGTH = 320;

    private Addresses() {
    }

    /**
     * The address in a field value or a string ("rfc822;" and angle brackets dropped, lower case), or null
     * when it holds none.
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = IN_TEXT.matcher(value);
        if (!m.find()) {
            return null;
        }
        return normalize(m.group(1));
    }

    /**
     * An address found in text, as facts take it: lower case, without the routing prefix Exchange's X.400
     * gateways write before it ("dda:SMTP=someone@example.com"); null when too long.
     */
    static String normalize(String found) {
        String address = found.toLowerCase(Locale.ROOT);
        if (address.startsWith("smtp=") || address.startsWith("smtp:")) {
            address = address.substring(5);
        }
        return address.length() > MAX_LENGTH ? null : address;
    }

    /** Whether an address is a mail system's own (postmaster, MAILER-DAEMON...), not a person's. */
    static boolean isSystem(String address) {
        String local = localPart(address).toLowerCase(Locale.ROOT);
        return SYSTEM.contains(local) || local.startsWith("mailer-daemon") || local.startsWith("postmaster")
                || local.startsWith("microsoftexchange") || local.startsWith("bounce+") || local.startsWith("bounces+")
                || local.startsWith("prvs=") && local.length() > 20;
    }

    static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}

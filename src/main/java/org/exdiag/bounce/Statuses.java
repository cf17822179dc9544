package org.exdiag.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 3463 enhanced status codes (class.subject.detail) as bounces write them. */
final class Statuses {
    /** A status code standing on its own: not a part of an IP address, a version or a date. */
    private static final Pattern CODE = Pattern.compile("(?<![0-9.])([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9]|\\.[0-9])");

    private Statuses() {
    }

    /** The first status code in a text, or null. */
    static String first(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CODE.matcher(text);
        return m.find() ? m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3)) : null;
    }
}

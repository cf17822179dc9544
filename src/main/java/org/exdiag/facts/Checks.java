package org.exdiag.facts;

import java.util.List;

/** Range and shape checks shared by the fact records. */
final class Checks {
    /** Longest host name DNS allows (RFC 1035), plus the final dot. */
    private static final int MAX_HOST_LENGTH = 254;

    private Checks() {
    }

    static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidFactException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static Integer requiredInRange(String field, Integer value, int min, int max) {
        if (value == null) {
            throw new InvalidFactException(field, "is required");
        }
        return inRange(field, value.intValue(), min, max);
    }

    static Integer inRange(String field, Integer value, int min, int max) {
        return value == null ? null : inRange(field, value.intValue(), min, max);
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFactException(field, "is required");
        }
        return value;
    }

    /** A DNS host name: letters, digits, '-', '_' and dots, within DNS length limits. */
    static String hostName(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!isHostName(value)) {
            throw new InvalidFactException(field, "is not a valid host name: " + Hosts.quoteForError(value));
        }
        return value;
    }

    /** Whether {@code value} (not null) is a host name facts can hold. */
    static boolean isHostName(String value) {
        return !value.isEmpty() && value.length() <= MAX_HOST_LENGTH && Hosts.isValid(value);
    }

    /** An IPv4 or IPv6 address literal; never looked up in DNS. */
    static String ipAddress(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!IpLiterals.isValid(value)) {
            throw new InvalidFactException(field, "is not an IP address: " + Hosts.quoteForError(value));
        }
        return value;
    }

    static Long nonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidFactException(field, "must not be negative, got " + value);
        }
        return value;
    }

    static <T> List<T> copyOrEmpty(List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) {
                throw new InvalidFactException("", "list holds a null item");
            }
        }
        return List.copyOf(list);
    }
}

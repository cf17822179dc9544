package org.exdiag.probe;

import java.util.Locale;

/** How a mail connection is secured: TLS from the first byte, upgraded with STARTTLS, or not at all (lab only). */
public enum TlsMode {
    IMPLICIT, STARTTLS, NONE;

    public static TlsMode parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}

package org.exdiag.rules;

/** One MX record; {@code host} normalized for comparison, {@code shown} as DNS gave it. */
public record MxHost(int preference, String host, String shown) {
}

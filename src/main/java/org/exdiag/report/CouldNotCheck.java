package org.exdiag.report;

/**
 * A part of the diagnostic that could not be checked: {@code part} names the facts section
 * ({@code dns.mx}, {@code account}...), {@code reason} says why, in the report's language where exdiag
 * words it, or as the API or server gave it.
 */
public record CouldNotCheck(String part, String reason) {
}

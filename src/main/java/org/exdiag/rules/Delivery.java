package org.exdiag.rules;

/**
 * Delivering a test email to one address of one MX host, as an outside sender would.
 *
 * @param placement inbound (through the domain's MX) or direct (straight to the provider's valid MX)
 * @param index     position among the attempts of its placement, from 0; its replies carry it as {@code attempt}
 * @param host      the MX host, normalized
 * @param address   the address connected to, or null when the name did not resolve
 * @param connect   ok, refused, timeout, tls-error, error or unresolved
 */
public record Delivery(String placement, int index, String host, String address, Integer port, String connect) {
}

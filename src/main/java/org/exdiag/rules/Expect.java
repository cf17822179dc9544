package org.exdiag.rules;

/**
 * How the mailbox is meant to be set up, with the defaults of expected-values.yaml filled in.
 *
 * @param offer       hosted or private
 * @param mailSetup   exchange-only, with-provider-pop-imap, with-external-pop-imap, or the default key
 *                    (unknown) when the facts do not say
 * @param privateHost the customer's own Exchange host (private offer), normalized, or null
 */
public record Expect(String offer, String mailSetup, String privateHost) {
}

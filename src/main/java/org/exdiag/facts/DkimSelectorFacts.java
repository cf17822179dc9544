package org.exdiag.facts;

/**
 * One DKIM selector checked (facts v2): the lookup of {@code <selector>._domainkey.<domain>}, and what
 * the provider says of it when known.
 *
 * @param cname          the CNAME target when the name is an alias
 * @param record         the key record reached, if any
 * @param expectedCname  what the provider says the customer's record must point to, when known
 * @param providerStatus the provider's state of the selector, when known
 */
public record DkimSelectorFacts(String selector, LookupStatus status, String cname, String record, String expectedCname,
                                DkimProviderStatus providerStatus) {
    public DkimSelectorFacts {
        Checks.required("selector", selector);
        Checks.hostName("selector", selector);
        if (status == null) {
            throw new InvalidFactException("status", "is required");
        }
        Checks.hostName("cname", cname);
        Checks.hostName("expectedCname", expectedCname);
    }
}

package org.exdiag.probe;

import java.util.List;
import org.exdiag.facts.AccountFlags;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.Offer;
import org.exdiag.facts.ProviderDiagnosis;

/**
 * What the provider holds about the account: its flags, its own diagnosis, and the offer it belongs to.
 * Implementations: a file ({@link AccountFlagsFile}), the OVH API ({@code ovh.OvhAccountSource}).
 */
public interface AccountSource {
    /**
     * @param account  the flags, or null (not probed or could not be checked)
     * @param provider the provider's diagnosis, or null
     * @param offer    the offer the provider says the account belongs to, or null
     * @param host     the service's server host (private offer: the customer's own), or null
     * @param problems what could not be checked, by part (e.g. an API error code); never secrets
     * @param dkim     the DKIM selectors the provider lists for the mailbox's domain, with their state; null when
     *                 unknown (no API, or it failed), empty when the provider lists none
     */
    record View(AccountFlags account, ProviderDiagnosis provider, Offer offer, String host, List<CouldNotCheckFacts> problems,
                List<DomainRecordsProbe.Selector> dkim) {
        public View(AccountFlags account, ProviderDiagnosis provider, Offer offer, String host, List<CouldNotCheckFacts> problems) {
            this(account, provider, offer, host, problems, null);
        }

        public static View of(AccountFlags account) {
            return new View(account, null, null, null, List.of());
        }
    }

    View fetch(String mailbox, Secret password) throws ProbeException;
}

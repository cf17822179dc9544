package org.exdiag.facts;

import java.time.Instant;

/** The provider's own diagnosis of the account (OVH: .../account/{email}/diagnostics); null means unknown. */
public record ProviderDiagnosis(Instant lastCheck, Boolean isMxValid, Boolean isSrvValid, Boolean isSpammer,
                                Boolean isSuspended, Boolean isLocked, Boolean canSendEmail,
                                Boolean canReceiveEmail, Boolean connectiveOWA) {
}

package org.exdiag.rules;

import java.time.Instant;

/** The provider's own diagnosis; each verdict true, false or null (unknown). */
public record Provider(Instant lastCheck, Boolean mxValid, Boolean srvValid, Boolean spammer, Boolean suspended,
                       Boolean locked, Boolean canSendEmail, Boolean canReceiveEmail, Boolean owaReachable) {
}

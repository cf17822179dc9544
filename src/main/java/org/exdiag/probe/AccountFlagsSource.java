package org.exdiag.probe;

import java.util.Optional;
import org.exdiag.facts.AccountFlags;

/** Where the account flags the provider holds come from (a file today; the provider's API later). */
public interface AccountFlagsSource {
    /** The flags, or empty when this source has none for the mailbox ("not probed"). */
    Optional<AccountFlags> flags(String mailbox) throws ProbeException;
}

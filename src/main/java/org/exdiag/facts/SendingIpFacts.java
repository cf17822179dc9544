package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One address the mailbox's mail leaves from, as receivers see it (facts v3): its reverse DNS, whether
 * a name of it resolves back to it, and what each DNS block list asked answered.
 *
 * @param forwardConfirmed a PTR name resolves back to the address; null: not checked (no PTR name, or
 *                         the lookups did not answer)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SendingIpFacts(String address, PtrLookup ptr, Boolean forwardConfirmed, List<BlockListAnswer> lists) {
    public SendingIpFacts {
        Checks.required("address", address);
        Checks.ipAddress("address", address);
        if (ptr == null) {
            throw new InvalidFactException("ptr", "is required");
        }
        lists = Checks.copyOrEmpty(lists);
    }

    /** The reverse lookup of the address (in-addr.arpa or ip6.arpa): how it ended and the names it gave. */
    public record PtrLookup(LookupStatus status, List<String> names) {
        public PtrLookup {
            if (status == null) {
                throw new InvalidFactException("status", "is required");
            }
            names = Checks.copyOrEmpty(names);
            for (int i = 0; i < names.size(); i++) {
                Checks.hostName("names[" + i + "]", names.get(i));
            }
        }
    }

    /**
     * What one DNS block list answered for the address.
     *
     * @param answers the A records returned (127.0.0.x), for listed and error
     * @param text    the list's TXT explanation, when listed
     */
    public record BlockListAnswer(String zone, BlockListStatus status, List<String> answers, String text) {
        public BlockListAnswer {
            Checks.required("zone", zone);
            Checks.hostName("zone", zone);
            if (status == null) {
                throw new InvalidFactException("status", "is required");
            }
            answers = Checks.copyOrEmpty(answers);
            for (int i = 0; i < answers.size(); i++) {
                Checks.ipAddress("answers[" + i + "]", answers.get(i));
            }
        }
    }
}

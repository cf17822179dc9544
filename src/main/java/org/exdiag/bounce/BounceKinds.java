package org.exdiag.bounce;

import java.util.regex.Pattern;
import org.exdiag.facts.BounceKind;

/**
 * How a delivery ended, from what the bounce says: a server refused it; the sending side gave up
 * retrying (the receiver never answered); or it could not find or reach the receiver at all. A reply
 * quoted from a server is a refusal, unless the bounce says it kept trying until it gave up.
 */
final class BounceKinds {
    /** The sending side's words for giving up after retrying (Exim, Postfix, Sendmail, qmail, Exchange...). */
    private static final Pattern EXPIRED = Pattern.compile("(?i)retry timeout exceeded|retry time not reached for any host after a long failure period"
            + "|delivery (?:time |period )?(?:has )?expired|message (?:has )?expired|expired after|message timed out|timed out in (?:the )?queue"
            + "|(?:been|was|is|sat) (?:in (?:the |my )?(?:mail )?queue|queued) (?:for )?too long|too long in (?:the )?queue|(?:queue|message) (?:life ?time|expir)"
            + "|could not be delivered (?:for|within|in) (?:the (?:last|past) )?[0-9]+ (?:days?|hours?)|cannot be delivered (?:for|within) [0-9]+"
            + "|(?:unable|not able|failed) to deliver (?:it |this message |your message )?(?:for|within|after|in) (?:the (?:last|past) )?[0-9]+ (?:days?|hours?)"
            + "|(?:have|has) been (?:unable|failing) (?:to deliver )?for [0-9]+ (?:days?|hours?)|maximum (?:queue )?(?:time|lifetime|retries)"
            + "|delivery time limit|timeout (?:has )?expired|giving up after|gave up after|ha(?:s|ve) been failing for a long time|all hosts(?: .*)? have been failing"
            + "|delivery attempts? (?:will be|have been) (?:stopped|abandoned)|undeliverable for [0-9]+ (?:days?|hours?)|was not delivered after multiple attempts"
            + "|could not deliver the message in the time limit|the server has tried to deliver this message, without success|message could not be delivered in time"
            + "|too many (?:delivery )?(?:retries|attempts)|exceeded (?:the )?maximum (?:number of )?(?:delivery )?(?:attempts|retries)|delivery failed [0-9]+ attempts"
            + "|failed after [0-9]+ attempts|not (?:been )?(?:collected|delivered|reachable) (?:after|within|for) (?:the (?:allowed )?)?[0-9]+|within the allowed queue period"
            + "|(?:was|were) aborted after [0-9.]+ (?:hours?|days?)|could not initiate smtp conversation|temp_failure|is not responding"
            + "|(?:envelope|message|delivery|queue|ttl|lifetime) (?:has )?(?:been )?expired|expired (?:envelope|message|in (?:the )?queue)"
            + "|after multiple (?:retries|attempts|delivery attempts)|unable to deliver (?:the )?message after"
            + "|\\b[45]\\.4\\.7\\b");
    /** The sending side's words for a receiver it could not find or reach. */
    private static final Pattern UNDELIVERABLE = Pattern.compile("(?i)host or domain name not found|name service error|domain (?:name )?not found|no such domain"
            + "|unrouteable|unroutable|all relevant mx records point to non-existent hosts|no (?:valid )?mx|(?:mx|dns) (?:record|lookup|error)"
            + "|(?:couldn'?t|could not|cannot|can'?t|unable to) (?:find|resolve|look ?up|locate) (?:any |the )?(?:host|mail ?server|domain|mx|address)"
            + "|host (?:name )?(?:is )?unknown|unknown host|host not found|domain does not exist|domain (?:is )?(?:not )?(?:exist|found|unknown|invalid)"
            + "|connection refused|no route to host|network (?:is )?unreachable|host (?:is )?unreachable|unable to connect|could(?: not|n'?t) connect"
            + "|can'?t connect|connect(?:ion)? (?:to [^ ]+ )?(?:failed|timed out)|timed out while connecting|connection timed out|lost connection"
            + "|malformed (?:or unexpected )?name server reply|does not accept mail|null mx|domain has no mail|no mail servers? (?:for|found)"
            + "|could not find a gateway|no route|connection (?:was )?dropped|name or service not known"
            + "|did not accept our requests? to connect|(?:connection|connect) timed out"
            + "|\\b[45]\\.4\\.[0-6]\\b|\\b[45]\\.1\\.2\\b");

    private BounceKinds() {
    }

    /**
     * @param words        what the bounce says about the recipient (a server's reply or its own words)
     * @param quotesServer whether {@code words} is a server's reply
     * @param status       the recipient's status code, or null
     * @param gaveUp       whether the bounce says it failed while the status is temporary (a DSN's
     *                     Action: failed with a 4.x.x status): the sending side stopped retrying
     * @param context      the notice's words as a whole, or null: where no server answered, they may say
     *                     that the sending side gave up
     */
    static BounceKind of(String words, boolean quotesServer, String status, boolean gaveUp, String context) {
        String w = words == null ? "" : words;
        if (EXPIRED.matcher(w).find() || status != null && status.matches("[45]\\.4\\.7")
                || !quotesServer && context != null && EXPIRED.matcher(context).find()) {
            return BounceKind.EXPIRED;
        }
        if (!quotesServer && UNDELIVERABLE.matcher(w).find()) {
            return BounceKind.UNDELIVERABLE;
        }
        if (gaveUp) {
            return quotesServer ? BounceKind.EXPIRED : UNDELIVERABLE.matcher(w).find() ? BounceKind.UNDELIVERABLE : BounceKind.EXPIRED;
        }
        if (!quotesServer && status != null && status.matches("[45]\\.4\\.[0-6]|[45]\\.1\\.2")) {
            return BounceKind.UNDELIVERABLE;
        }
        return BounceKind.REFUSED;
    }
}

package org.exdiag.bounce;

import java.util.regex.Pattern;

/**
 * What tells a bounce from the other automatic mail a bounce processor meets: auto-replies (out of
 * office), notices that mail was delivered, and warnings that it is only delayed and still being tried.
 */
final class BounceSigns {
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?i)out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?(?:reply|response|responder|antwort)"
            + "|^(?:auto|autoreply|abwesend|absence|absent|vacation|away)\\b|abwesenheit|r[ée]ponse automatique|respuesta autom[aá]tica|risposta automatica"
            + "|on (?:vacation|holiday|leave)|i am (?:currently )?(?:out|away)|thank you for (?:your (?:e-?mail|message)|contacting)|we have received your");
    private static final Pattern DELIVERED = Pattern.compile("(?i)\\((?:success|delivered|relayed)\\)|^(?:delivered|relayed|delivery (?:notification|report): (?:delivered|success))\\b"
            + "|(?:was|has been) (?:successfully )?(?:delivered|relayed)(?: successfully)? to|delivery to the following recipients? (?:was )?(?:succeeded|successful|complete)"
            + "|your message (?:was|has been) delivered");
    private static final Pattern DELAYED = Pattern.compile("(?i)\\(delay(?:ed)?\\)|delivery (?:has been |is )?delayed|delayed mail|mail delivery delayed|still being retried"
            + "|warning: (?:could not send|message still undelivered)|this is a warning message only|will (?:continue to |keep )?(?:retry|try)|still trying"
            + "|no action is required on your part|delivery attempts will continue|has not yet been delivered|not yet been able to deliver"
            + "|message (?:is )?delayed|temporarily deferred|will be retried|retry (?:will|until)");
    /** Words that say the sending side is still trying: a warning, whatever else it says. */
    private static final Pattern STILL_TRYING = Pattern.compile("(?i)delivery attempts will continue|will continue to (?:retry|try|attempt)|will keep (?:on )?trying"
            + "|will be retried|will retry (?:for|until|again)|still (?:being )?(?:trying|retried)|this is a warning message only|no action is required on your part"
            + "|has not yet been delivered|not yet been able to deliver|^warning: message .{0,40} delayed|delayed [0-9]+ (?:hours?|minutes?|days?)");
    private static final Pattern FAILED = Pattern.compile("(?i)undeliver|undelivered|could not be delivered|couldn'?t be delivered|wasn'?t able to deliver|was not delivered"
            + "|not be delivered|delivery (?:has )?failed|failed permanently|permanent(?:ly)? (?:error|fail)|delivery failure|failure notice|returned mail|mail delivery failed"
            + "|non[- ]?delivery|rejected|refused|unable to deliver|i'?m afraid|message not delivered|delivery status notification \\(failure\\)|returned to sender"
            + "|mail system error|unzustellbar|non remis|nicht zugestellt|no se pudo entregar|impossible de remettre|error sending|could not deliver|bounced?|failed"
            + "|not a valid (?:user|recipient|address|mailbox)|returned mail|undeliverable");
    private static final Pattern BOUNCE_SENDER = Pattern.compile("(?i)mailer-daemon|postmaster|mail delivery (?:subsystem|system)|mail ?administrator|delivery ?status|mdaemon|bounce");

    private BounceSigns() {
    }

    /**
     * An auto-reply: its headers say so (RFC 3834's Auto-Submitted: auto-replied, X-Autoreply), or its
     * subject does, and neither its sender nor its subject presents it as a failure (Exim marks its
     * bounces auto-replied, Sieve's reject too).
     */
    static boolean isAutoReply(MessageParts parts, String notice) {
        String subject = subject(parts);
        String from = parts.header("From");
        if (FAILED.matcher(subject).find() || from != null && BOUNCE_SENDER.matcher(from).find() || FAILED.matcher(notice).find()) {
            return false;
        }
        String auto = parts.header("Auto-Submitted");
        String precedence = parts.header("Precedence");
        return auto != null && auto.toLowerCase(java.util.Locale.ROOT).startsWith("auto-replied")
                || parts.header("X-Autoreply") != null || parts.header("X-Autorespond") != null
                || precedence != null && precedence.toLowerCase(java.util.Locale.ROOT).contains("auto_reply")
                || AUTO_REPLY_SUBJECT.matcher(subject).find();
    }

    /**
     * A notice that mail was delivered, or only delayed and still being tried: it says the sending side is
     * still trying (whatever else it says), or says delivered or delayed and no failure.
     */
    static boolean isDeliveredOrDelayed(String subject, String notice) {
        if (STILL_TRYING.matcher(subject).find() || STILL_TRYING.matcher(notice).find()) {
            return true;
        }
        if (FAILED.matcher(subject).find() && !DELAYED.matcher(subject).find()) {
            return false;
        }
        return DELIVERED.matcher(subject).find() || DELAYED.matcher(subject).find()
                || (DELIVERED.matcher(notice).find() || DELAYED.matcher(notice).find()) && !FAILED.matcher(notice).find();
    }

    /** Whether the message presents itself as a failure report: its sender, subject or words. */
    static boolean looksLikeBounce(MessageParts parts, String notice) {
        String from = parts.header("From");
        return from != null && BOUNCE_SENDER.matcher(from).find() || FAILED.matcher(subject(parts)).find() || FAILED.matcher(notice).find()
                || MessageParts.baseType(parts.message).equals("multipart/report");
    }

    /** Whether a message's sender or subject presents it as a failure report (not its words: an original may quote them). */
    static boolean looksLikeBounceSender(MessageParts parts) {
        String from = parts.header("From");
        return from != null && BOUNCE_SENDER.matcher(from).find() && FAILED.matcher(subject(parts)).find();
    }

    /** The first line of a notice that says the mail failed, and the line after it, for a bounce that names no reason. */
    static String failureSentence(String notice) {
        String[] lines = notice.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (FAILED.matcher(lines[i]).find() && lines[i].strip().length() > 10) {
                String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
                return (lines[i].strip() + (next.isEmpty() ? "" : " " + next)).replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    static String subject(MessageParts parts) {
        String s = parts.header("Subject");
        return s == null ? "" : s;
    }
}

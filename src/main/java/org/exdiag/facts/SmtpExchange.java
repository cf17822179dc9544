package org.exdiag.facts;

/** One server reply of the SMTP dialogue and the stage it answered, raw as the server sent it. */
public record SmtpExchange(SmtpStage stage, String reply) {
    public SmtpExchange {
        if (stage == null) {
            throw new InvalidFactException("stage", "is required");
        }
        if (reply == null) {
            throw new InvalidFactException("reply", "is required");
        }
    }

    /** The reply split into code, enhanced status code and text. */
    public SmtpReply parsed() {
        return SmtpReply.parse(reply);
    }
}

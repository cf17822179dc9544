package org.exdiag.replies;

import java.util.List;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.SmtpReply;
import org.exdiag.rules.Reply;
import org.exdiag.rules.ReplyClass;

/**
 * Puts each SMTP reply in the category of the first pattern of smtp-replies.yaml that matches it (its
 * placement, stage, code, enhanced code and text), before the rules run, through a {@link ReplyIndex}:
 * only the patterns that accept the reply's placement, stage and code and whose literals are in its text
 * are tried, instead of a pattern-by-reply join in the rule network. The rules then decide what a
 * category means where it was heard.
 */
public final class ReplyClassifier {
    private final List<ReplyPattern> patterns;
    private final ReplyIndex index;

    public ReplyClassifier(List<ReplyPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.index = new ReplyIndex(this.patterns);
    }

    public List<ReplyPattern> patterns() {
        return patterns;
    }

    /** The reply's category, or null when no pattern matches. */
    public ReplyClass classify(Reply reply) {
        ReplyPattern pattern = index.first(reply);
        return pattern == null ? null : new ReplyClass(reply, pattern.category(), pattern.name());
    }

    /**
     * The reply a bounce quotes, as the rules see it: placement bounce, attempt = the bounce's index. A
     * reply quoted without its enhanced code takes the one the bounce gives for the recipient (a DSN's
     * Status, Exchange's "#5.1.1").
     */
    public static Reply bounceReply(int index, BounceFacts bounce) {
        SmtpReply parsed = bounce.parsed();
        String enhanced = parsed.enhancedCode() != null ? parsed.enhancedCode() : bounce.status();
        return new Reply("bounce", index, index, null, parsed.code(), enhanced, parsed.text(), bounce.reply());
    }

    /** The same answer by trying every pattern in order: what the index must agree with. */
    ReplyClass classifyLinearly(Reply reply) {
        for (ReplyPattern pattern : patterns) {
            if (pattern.matches(reply)) {
                return new ReplyClass(reply, pattern.category(), pattern.name());
            }
        }
        return null;
    }
}

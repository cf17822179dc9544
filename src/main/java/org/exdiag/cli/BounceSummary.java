package org.exdiag.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.exdiag.bounce.BounceOutcome;
import org.exdiag.replies.ReplyClassifier;
import org.exdiag.facts.BounceFacts;

/**
 * The summary of a mailbox of bounces on standard error: messages, bounces, messages that are no bounce,
 * errors, refused recipients, root causes, and how many replies no pattern of smtp-replies.yaml
 * classified (what {@code exdiag replies} lists). Called from the single thread that writes the output.
 */
final class BounceSummary {
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final ReplyClassifier replies;
    private final boolean progress;
    private final long start = System.nanoTime();
    private final Map<String, Integer> rootCauses = new TreeMap<>();
    private long messages;
    private long bounces;
    private long skipped;
    private long errors;
    private long recipients;
    private long unclassified;
    private long lastProgress;
    private boolean progressShown;

    BounceSummary(PrintWriter err, ReplyClassifier replies, boolean progress) {
        this.err = err;
        this.replies = replies;
        this.progress = progress;
    }

    void count(BounceOutcome o) {
        messages++;
        if (o.failed()) {
            errors++;
        } else if (o.isSkipped()) {
            skipped++;
        } else {
            bounces++;
            List<BounceFacts> refused = o.facts().bouncesOrEmpty();
            recipients += refused.size();
            for (int i = 0; i < refused.size(); i++) {
                if (replies.classify(ReplyClassifier.bounceReply(i, refused.get(i))) == null) {
                    unclassified++;
                }
            }
            o.report().rootCauses().forEach(code -> rootCauses.merge(code, 1, Integer::sum));
        }
        long now = System.nanoTime();
        if (progress && now - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            progressShown = true;
            err.printf("\r%,d messages, %,d bounces, %,d errors, %,.0f/s ", messages, bounces, errors,
                    messages / Math.max((now - start) / 1e9, 1e-3));
            err.flush();
        }
    }

    long errors() {
        return errors;
    }

    void print() {
        if (progressShown) {
            err.print("\r\033[K");
        }
        String causes = rootCauses.isEmpty() ? "none"
                : rootCauses.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        err.printf("exdiag: %,d messages: %,d bounces, %,d not bounces, %,d errors; %,d refused recipients, %,d replies no "
                        + "pattern classified (exdiag replies lists them); root causes: %s; %.2f s%n", messages, bounces, skipped, errors,
                recipients, unclassified, causes, (System.nanoTime() - start) / 1e9);
        err.flush();
    }
}

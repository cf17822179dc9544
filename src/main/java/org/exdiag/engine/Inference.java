package org.exdiag.engine;

import java.time.Instant;
import java.util.List;
import org.exdiag.rules.Finding;
import org.exdiag.rules.Link;
import org.exdiag.rules.Note;
import org.exdiag.rules.ReplyClass;

/**
 * What the rules concluded for one document, in a stable order (sorted), so that the same facts
 * always give the same report whatever order the engine fired in.
 *
 * @param replyClasses what each SMTP reply was taken to mean, by reply index
 * @param clock the instant time rules used (collectedAt, or the analysis time when absent)
 */
public record Inference(List<Finding> findings, List<Link> links, List<Note> notes, List<ReplyClass> replyClasses,
                        Instant clock) {
}

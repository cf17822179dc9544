package org.exdiag.http;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.Expertise;

/**
 * The rules and knowledge base the server answers with. A reload builds a new set off to the side and
 * swaps it in at once; requests in flight keep the set they started with. A set with any error is
 * refused and the old one keeps serving.
 */
public final class RuleBaseHolder {
    /** Where the rules come from: the folders read on every reload. */
    public record Source(Path rules, String rulesShown, Path knowledgeBase, String knowledgeBaseShown) {
    }

    /** How a reload went: the version now serving, and the problems when it was refused. */
    public record ReloadResult(boolean reloaded, String version, List<Problem> problems) {
    }

    private final Source source;
    private final AtomicReference<Expertise> current = new AtomicReference<>();
    private volatile Instant loadedAt;

    public RuleBaseHolder(Source source) throws LoadException {
        this.source = source;
        current.set(load());
        loadedAt = Instant.now();
    }

    private Expertise load() throws LoadException {
        return Expertise.load(source.rules(), source.rulesShown(), source.knowledgeBase(), source.knowledgeBaseShown());
    }

    public Expertise current() {
        return current.get();
    }

    public String version() {
        return current.get().rules().fingerprint();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Re-reads both folders; one reload at a time, so two reloads never race to swap. */
    public synchronized ReloadResult reload() {
        try {
            Expertise fresh = load();
            current.set(fresh);
            loadedAt = Instant.now();
            return new ReloadResult(true, fresh.rules().fingerprint(), List.of());
        } catch (LoadException e) {
            return new ReloadResult(false, version(), e.problems());
        } catch (RuntimeException e) {
            return new ReloadResult(false, version(), List.of(new Problem(source.rulesShown(), 0, "reload failed: " + e.getMessage())));
        }
    }
}

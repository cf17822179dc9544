package org.exdiag.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;

/**
 * Answers many domains share, asked once for the whole sweep: the provider's own names and the SPF
 * include chains customers name ({@code include:mx.ovh.com}), which a sweep would otherwise ask once a
 * domain. Lookups of one name in flight at once share one query. A failure (timeout, error) or a SERVFAIL
 * is not kept, so the next domain asks again; kept answers live for the run, the least recently used
 * going first beyond {@code capacity} (memory stays flat however many names customers include).
 * Thread-safe.
 */
final class SharedAnswers {
    private record Key(Name name, int type, int dclass) {
    }

    private final Resolver upstream;
    private final int capacity;
    private final Map<Key, CompletableFuture<Message>> answers;
    private final AtomicLong shared = new AtomicLong();

    SharedAnswers(Resolver upstream, int capacity) {
        this.upstream = upstream;
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Message>> eldest) {
                return size() > SharedAnswers.this.capacity;
            }
        };
    }

    /** Lookups answered from another's query (kept or in flight), never sent. */
    long shared() {
        return shared.get();
    }

    CompletableFuture<Message> send(Message query) {
        Record question = query.getQuestion();
        Key key = new Key(question.getName(), question.getType(), question.getDClass());
        CompletableFuture<Message> answer;
        synchronized (answers) {
            answer = answers.get(key);
            if (answer != null) {
                shared.incrementAndGet();
                return answer;
            }
            answer = new CompletableFuture<>();
            answers.put(key, answer);
        }
        CompletableFuture<Message> mine = answer;
        upstream.sendAsync(query).whenComplete((message, error) -> {
            if (error != null || message.getRcode() == Rcode.SERVFAIL) {
                synchronized (answers) {
                    answers.remove(key, mine);
                }
            }
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(message);
            }
        });
        return mine;
    }
}

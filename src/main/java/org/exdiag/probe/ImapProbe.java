package org.exdiag.probe;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.SubjectTerm;
import java.time.Duration;
import java.util.Locale;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.AuthResult;

/**
 * Logs in to the mailbox over IMAP (the authentication check), then, for the inbound test, looks for
 * the tagged email until it arrives or time is up. One session serves both.
 */
public final class ImapProbe implements AutoCloseable {
    private static final long POLL_MILLIS = 200;

    private final Endpoint server;
    private final TlsMode tls;
    private final Duration timeout;
    private Store store;

    public ImapProbe(Endpoint server, TlsMode tls, Duration timeout) {
        this.server = server;
        this.tls = tls;
        this.timeout = timeout;
    }

    public AuthCheck login(String mailbox, Secret password) {
        Session session = Session.getInstance(MailProps.imap(tls, timeout));
        try {
            store = session.getStore(tls == TlsMode.IMPLICIT ? "imaps" : "imap");
            store.connect(server.host(), server.port(), mailbox, password.reveal());
            return new AuthCheck(AuthResult.OK, "LOGIN completed");
        } catch (AuthenticationFailedException e) {
            String said = e.getMessage() == null ? "" : e.getMessage().strip();
            boolean locked = said.toLowerCase(Locale.ROOT).contains("lock");
            return new AuthCheck(locked ? AuthResult.LOCKED : AuthResult.REJECTED, said.isEmpty() ? "login refused" : said);
        } catch (MessagingException | RuntimeException e) {
            store = null;
            return new AuthCheck(AuthResult.ERROR, Failures.describe(e));
        }
    }

    public boolean loggedIn() {
        return store != null && store.isConnected();
    }

    /**
     * Waits for the messages whose subjects hold {@code tags} (the inbound test and the test straight to
     * the provider's MX share one session): for each, the time it took to be found, or null when
     * {@code waitFor} passed first. Null as a whole when the mailbox could not be searched.
     */
    public java.util.Map<String, Duration> awaitMessages(java.util.Collection<String> tags, Duration waitFor) {
        if (!loggedIn()) {
            return null;
        }
        long start = System.nanoTime();
        long deadline = start + waitFor.toNanos();
        java.util.Map<String, Duration> found = new java.util.LinkedHashMap<>();
        tags.forEach(t -> found.put(t, null));
        try {
            Folder inbox = store.getFolder("INBOX");
            while (true) {
                inbox.open(Folder.READ_ONLY);
                try {
                    for (String tag : tags) {
                        if (found.get(tag) == null && inbox.search(new SubjectTerm(tag)).length > 0) {
                            found.put(tag, Duration.ofNanos(System.nanoTime() - start));
                        }
                    }
                } finally {
                    inbox.close(false);
                }
                if (!found.containsValue(null) || System.nanoTime() >= deadline) {
                    return found;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }


    @Override
    public void close() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException ignored) {
                // logging out is a courtesy
            }
        }
    }
}

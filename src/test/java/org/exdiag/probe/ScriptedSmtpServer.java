package org.exdiag.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An SMTP server on loopback that answers each command with the reply a test scripts, to play servers
 * GreenMail cannot (one that refuses the sender as a spammer, say). Understands the dialogue enough
 * for a real client: multi-line EHLO, AUTH with an initial response, DATA up to the final dot.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Map<String, String> replies = new ConcurrentHashMap<>();

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        replies.put("GREETING", "220 scripted.example ESMTP ready");
        replies.put("EHLO", "250-scripted.example Hello\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        replies.put("AUTH", "235 2.7.0 Authentication successful");
        replies.put("MAIL", "250 2.1.0 Sender OK");
        replies.put("RCPT", "250 2.1.5 Recipient OK");
        replies.put("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
        replies.put("END_OF_DATA", "250 2.6.0 Queued mail for delivery");
        replies.put("RSET", "250 2.0.0 Resetting");
        replies.put("QUIT", "221 2.0.0 Service closing transmission channel");
        Thread t = new Thread(this::serve, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    /** Replies to {@code verb} (EHLO, AUTH, MAIL, RCPT, DATA, END_OF_DATA, QUIT, or GREETING) with {@code reply}. */
    public ScriptedSmtpServer on(String verb, String reply) {
        replies.put(verb, reply);
        return this;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> dialogue(client), "scripted-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void dialogue(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            send(out, replies.get("GREETING"));
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                if (verb.equals("HELO")) {
                    verb = "EHLO";
                }
                String reply = replies.getOrDefault(verb, "502 5.5.2 Command not recognized");
                send(out, reply);
                if (verb.equals("DATA") && reply.startsWith("354")) {
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // message body
                    }
                    send(out, replies.get("END_OF_DATA"));
                }
                if (verb.equals("QUIT") || reply.startsWith("421")) {
                    return;
                }
            }
        } catch (IOException closed) {
            // client went away
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

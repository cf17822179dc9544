package org.exdiag.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on loopback that misbehaves on purpose, alone or as a proxy in front of a real server:
 * it never speaks, speaks garbage, sends a 2 MB line, resets the connection mid-dialogue, or is not
 * the TLS server a client expects.
 */
final class FaultyServer implements AutoCloseable {
    enum Fault {
        /** Accepts, reads, never writes. */
        SILENT,
        /** Sends binary garbage as its greeting. */
        GARBAGE_BANNER,
        /** Sends a 2 MB greeting line, then closes. */
        HUGE_LINE,
        /** Forwards to the upstream server, then resets the connection when the client sends MAIL. */
        RESET_AT_MAIL,
        /** Answers a TLS ClientHello with plain text. */
        NOT_TLS
    }

    private final ServerSocket socket;
    private final Fault fault;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    FaultyServer(Fault fault) throws IOException {
        this(fault, -1);
    }

    FaultyServer(Fault fault, int upstreamPort) throws IOException {
        this.fault = fault;
        this.upstreamPort = upstreamPort;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "faulty-" + fault);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread t = new Thread(() -> handle(client), "faulty-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            switch (fault) {
                case SILENT -> in.transferTo(OutputStream.nullOutputStream());
                case GARBAGE_BANNER -> {
                    byte[] garbage = new byte[512];
                    new java.util.Random(3).nextBytes(garbage);
                    out.write(garbage);
                    out.flush();
                    in.transferTo(OutputStream.nullOutputStream());
                }
                case HUGE_LINE -> {
                    out.write("220 ".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int i = 0; i < 32; i++) {
                        out.write(chunk);
                    }
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.close();
                }
                case NOT_TLS -> {
                    in.read(new byte[512]);
                    out.write("220 plain text, not TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.close();
                }
                case RESET_AT_MAIL -> proxyUntilMail(client, in, out);
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            // the client went away, or we reset it
        }
    }

    private void proxyUntilMail(Socket client, InputStream in, OutputStream out) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            Thread down = new Thread(() -> {
                try {
                    upstream.getInputStream().transferTo(out);
                } catch (IOException ignored) {
                    // closed
                }
            }, "faulty-down");
            down.setDaemon(true);
            down.start();
            OutputStream up = upstream.getOutputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                line.append((char) b);
                if (b == '\n') {
                    if (line.toString().toUpperCase(java.util.Locale.ROOT).startsWith("MAIL")) {
                        client.setSoLinger(true, 0); // close with RST, as a crashing middlebox does
                        client.close();
                        return;
                    }
                    up.write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
                    up.flush();
                    line.setLength(0);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}

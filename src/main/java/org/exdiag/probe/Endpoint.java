package org.exdiag.probe;

/** A host and port, parsed from HOST[:PORT] (IPv6 in brackets: [::1]:53). */
public record Endpoint(String host, int port) {
    public static Endpoint parse(String text, int defaultPort) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad address \"" + text + "\": missing ]");
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            return new Endpoint(host, rest.startsWith(":") ? port(rest.substring(1), text) : defaultPort);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return new Endpoint(s.substring(0, colon), port(s.substring(colon + 1), text));
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        return new Endpoint(s, defaultPort);
    }

    private static int port(String p, String text) {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in \"" + text + "\" (expected 1 to 65535)");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

package org.exdiag.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.exdiag.facts.FactsFormat;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading requests within bounds and writing JSON answers; what every route shares. */
public final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);
    static final String WRITTEN = "exdiag.response-written";

    private Answers() {
    }

    /**
     * The body, read no further than {@code max} bytes: a larger one is refused without buffering it (413).
     * Public for the benchmark's floor server, which reads bodies as the analyze route does.
     */
    public static byte[] boundedBody(Context ctx, int max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new ApiError(413, "request body too large: " + declared + " bytes (limit " + max + ")");
        }
        InputStream in = ctx.req().getInputStream();
        if (declared >= 0) {
            // The usual case: one array of the declared size, rather than growing 8 KiB chunks.
            byte[] body = new byte[(int) declared];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                throw new ApiError(400, "request body shorter than its Content-Length");
            }
            return body;
        }
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            throw new ApiError(413, "request body too large (limit " + max + " bytes)");
        }
        return body;
    }

    /** YAML or JSON, by the content type, else by the first character. */
    static FactsFormat formatOf(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("yaml")) {
            return FactsFormat.YAML;
        }
        if (type.contains("json")) {
            return FactsFormat.JSON;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' ? FactsFormat.JSON : FactsFormat.YAML;
            }
        }
        return FactsFormat.JSON;
    }

    static Language language(Context ctx) {
        String lang = ctx.queryParam("lang");
        try {
            return lang == null ? Language.EN : Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "lang");
        }
    }

    /**
     * Writes the JSON straight to the response: handing Javalin a result makes it copy the bytes
     * through a fresh 8 KiB buffer per request (measured: a seventh of the analyze route's allocation).
     */
    static void json(Context ctx, int status, Object value) {
        byte[] bytes;
        try {
            bytes = ReportWriter.json().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a value that cannot be written: a bug, answered 500
        }
        send(ctx, status, bytes);
    }

    /** Answers with JSON already written; public for the benchmark's floor server, which answers canned bytes. */
    public static void send(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType("application/json").attribute(WRITTEN, Boolean.TRUE);
        ctx.res().setContentLength(json.length);
        try {
            ctx.res().getOutputStream().write(json);
        } catch (IOException e) {
            // The client went away before its answer: nobody is left to tell, and it is not our error.
            LOG.debug("client gone before the answer was written: {}", e.toString());
        }
    }

    static void error(Context ctx, int status, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("field", field);
        json(ctx, status, Map.of("error", error));
    }

    static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("");
    }
}

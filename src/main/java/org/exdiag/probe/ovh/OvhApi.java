package org.exdiag.probe.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * A small client of the OVH API v1 on java.net.http: signed requests, the clock corrected by the
 * offset to {@code GET /auth/time}, every failure an {@link OvhApiException} with the API's error code.
 * Thread-safe.
 */
public final class OvhApi {
    /** The API's base URL per region. */
    public static String baseUrl(String region) {
        return switch (region.toLowerCase(Locale.ROOT)) {
            case "eu" -> "https://eu.api.ovh.com/1.0";
            case "ca" -> "https://ca.api.ovh.com/1.0";
            case "us" -> "https://api.us.ovhcloud.com/1.0";
            default -> throw new IllegalArgumentException("unknown OVH region \"" + region + "\" (expected eu, ca or us)");
        };
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final OvhCredentials credentials;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private volatile Long offsetSeconds;

    public OvhApi(String baseUrl, OvhCredentials credentials, Duration timeout, Clock clock) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Path segments are encoded: an email address or a service name never changes the route. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public JsonNode get(String path) throws OvhApiException {
        return call("GET", path, "");
    }

    public JsonNode post(String path, String jsonBody) throws OvhApiException {
        return call("POST", path, jsonBody);
    }

    /** Seconds to add to the local clock to get the API's, read once from the unsigned /auth/time. */
    long offset() throws OvhApiException {
        Long known = offsetSeconds;
        if (known != null) {
            return known;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/auth/time")).timeout(timeout).GET().build();
        JsonNode time = send(request);
        if (!time.canConvertToLong()) {
            throw new OvhApiException(0, null, "GET /auth/time did not answer a timestamp");
        }
        long offset = time.asLong() - clock.instant().getEpochSecond();
        offsetSeconds = offset;
        return offset;
    }

    private JsonNode call(String method, String path, String body) throws OvhApiException {
        String url = base + path;
        long timestamp = clock.instant().getEpochSecond() + offset();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Ovh-Application", credentials.applicationKey())
                .header("X-Ovh-Consumer", credentials.consumerKey())
                .header("X-Ovh-Timestamp", Long.toString(timestamp))
                .header("X-Ovh-Signature", OvhSignature.sign(credentials.applicationSecret(), credentials.consumerKey(),
                        method, url, body, timestamp));
        b = method.equals("GET") ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private JsonNode send(HttpRequest request) throws OvhApiException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? JSON.nullNode() : parse(response);
            if (response.statusCode() / 100 == 2) {
                return body;
            }
            String code = body.path("errorCode").asText(null);
            String message = body.path("message").asText(null);
            throw new OvhApiException(response.statusCode(), code, message == null ? null : message.lines().findFirst().orElse(""));
        } catch (HttpTimeoutException e) {
            throw new OvhApiException(0, "TIMEOUT", "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new OvhApiException(0, "UNREACHABLE", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OvhApiException(0, "INTERRUPTED", "interrupted");
        }
    }

    private static JsonNode parse(HttpResponse<String> response) throws OvhApiException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new OvhApiException(response.statusCode(), "BAD_ANSWER", "the API answered something that is not JSON");
        }
    }
}

package com.healthadvisor.cli;

import com.healthadvisor.json.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A running service, through its HTTP API: its company memory, which the command line reaches this way while the
 * service holds the database (an embedded database has one process, and no server), and its rule files. The token is a viewer's, analyst's or
 * admin's bearer token, and the service decides what it may do, as for any client.
 */
final class ServiceClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    ServiceClient(String base, String token) {
        if (token == null || token.isBlank()) {
            throw new UsageException("--service needs a token: set ADVISOR_TOKEN to a viewer's, analyst's or admin's "
                    + "bearer token");
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token.strip();
    }

    /** The path of a company, or of something of it: each name encoded as one path segment. */
    static String company(String company, String... rest) {
        StringBuilder path = new StringBuilder("/api/v1/companies/").append(segment(company));
        for (String part : rest) {
            path.append('/').append(segment(part));
        }
        return path.toString();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    byte[] get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    byte[] send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json");
        if (body == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** An answer with the headers a caller acts on: the version of what it read or wrote. */
    record Tagged(byte[] body, String etag, String replacedEtag) {
    }

    /** GET, keeping the answer's ETag. */
    Tagged getTagged(String path, String accept) {
        return tagged(exchange(request(path).header("Accept", accept).GET()));
    }

    /** PUT, with If-Match when {@code ifMatch} is given; the answer's ETag and Replaced-ETag kept. */
    Tagged putTagged(String path, String contentType, byte[] body, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json")
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header("If-Match", ifMatch.strip());
        }
        return tagged(exchange(request));
    }

    private static Tagged tagged(HttpResponse<byte[]> response) {
        return new Tagged(response.body(), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Replaced-ETag").orElse(null));
    }

    JsonNode json(byte[] body) {
        return Json.PLAIN.readTree(body);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10));
    }

    /** The answer's bytes; a refusal as the service's own words (its problem's detail), with the status. */
    private byte[] send(HttpRequest.Builder request) {
        return exchange(request).body();
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UsageException("the service at " + base + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while waiting for the service at " + base);
        }
        if (response.statusCode() >= 400) {
            throw new ServiceRefusedException(response.statusCode(), detail(response.body()));
        }
        return response;
    }

    private static String detail(byte[] body) {
        try {
            JsonNode problem = Json.PLAIN.readTree(body);
            return problem.has("detail") ? problem.get("detail").asString() : new String(body, StandardCharsets.UTF_8);
        } catch (RuntimeException notJson) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The service refused the request: its status and what it said. */
    static final class ServiceRefusedException extends RuntimeException {

        final int status;

        ServiceRefusedException(int status, String detail) {
            super("the service answered " + status + ": " + detail);
            this.status = status;
        }
    }
}

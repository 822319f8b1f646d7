package com.healthadvisor.web;

import com.healthadvisor.report.ResultJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A small HTTP client for the service under test, on loopback. */
final class Http {

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return ResultJson.mapper().readTree(body);
        }
    }

    /** A request body as JSON. */
    static String json(Object value) {
        return ResultJson.mapper().writeValueAsString(value);
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response getWith(String path, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers));
    }

    Response post(String path, String contentType, String body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    Response put(String path, String body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    Response putJson(String path, String body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    Response delete(String path, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh copy of the default rules, and of the seed fixtures (the vetting set), in a temporary directory. */
    static Path copyOf(String directory, String glob) {
        try {
            Path target = Files.createTempDirectory("advisor-" + directory);
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches(glob)).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.healthadvisor.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic concurrency on rule files: a GET gives the file's version as an ETag; a change sent with If-Match
 * applies only to that version (412 otherwise, nothing changed, the current version in the answer's ETag); a
 * change sent without it still applies, and its answer and the version's message say which text it replaced.
 */
class RuleFileVersionsTest extends SharedService {

    private static final String FILE = "/api/v1/rules/files/benchmarks.csv";
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aChangeMadeOnAnOldCopyIsRefusedWith412AndNothingChanges() throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri(FILE)).GET());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(send(HttpRequest.newBuilder(uri(FILE)).header("If-None-Match", etag).GET()).statusCode())
                .isEqualTo(304);

        HttpResponse<String> first = put(read.body() + "# first edit\n", etag);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String afterFirst = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Replaced-ETag")).hasValue(etag);

        // A second client edits the copy it read before the first edit.
        HttpResponse<String> stale = put(read.body() + "# second edit, on an old copy\n", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(new Http.Response(412, "", stale.body()).json().get("detail").asString())
                .contains("benchmarks.csv changed since you read it", "If-Match: " + afterFirst);
        assertThat(stale.headers().firstValue("ETag")).hasValue(afterFirst);
        assertThat(send(HttpRequest.newBuilder(uri(FILE)).GET()).body()).contains("# first edit")
                .doesNotContain("# second edit");
        HttpResponse<String> staleDelete = send(HttpRequest.newBuilder(uri(FILE)).header("Authorization", ADMIN[1])
                .header("If-Match", etag).DELETE());
        assertThat(staleDelete.statusCode()).isEqualTo(412);

        // Without If-Match it still applies, and says what it replaced.
        HttpResponse<String> blind = put(read.body() + "# a blind edit\n", null);
        assertThat(blind.statusCode()).as(blind.body()).isEqualTo(200);
        assertThat(blind.headers().firstValue("Replaced-ETag")).hasValue(afterFirst);
        assertThat(http().get("/api/v1/rules/versions").json().get(0).get("message").asString())
                .contains("replaced benchmarks.csv " + afterFirst.substring(1, 13) + " without If-Match");
        assertThat(put(read.body(), "\"0000\"").statusCode()).isEqualTo(412);
        assertThat(put(read.body(), "*").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> put(String content, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(FILE)).header("Authorization", ADMIN[1])
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(content));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package com.healthadvisor.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Posts a message to a URL: JSON, with its idempotency key, and for a webhook its signature, HMAC-SHA256 of
 * {@code <timestamp>.<body>} with the subscription's secret, in {@code X-Health-Advisor-Signature:
 * t=<timestamp>,v1=<hex>} (docs/notifications.md shows how a receiver checks it). Any answer but 2xx, or none
 * within the timeout, is a failure the sender tries again.
 */
final class Webhooks {

    static final String SIGNATURE = "X-Health-Advisor-Signature";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    Webhooks(Duration connectTimeout, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @param secret null for an unsigned post (a Slack-compatible webhook) */
    void post(String url, String body, String key, String secret) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header(IDEMPOTENCY_KEY, key)
                .header("User-Agent", "Health-Advisor-Notifications")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(SIGNATURE, signature(secret, clock.instant().getEpochSecond(), body));
        }
        HttpResponse<String> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("no answer from " + URI.create(url).getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted");
        }
        if (answer.statusCode() / 100 != 2) {
            String said = answer.body() == null ? "" : answer.body().strip();
            throw new DeliveryException("the receiver answered " + answer.statusCode()
                    + (said.isEmpty() ? "" : ": " + (said.length() > 200 ? said.substring(0, 200) : said)));
        }
    }

    /** {@code t=<timestamp>,v1=<hex of HMAC-SHA256(secret, timestamp + "." + body)>}. */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

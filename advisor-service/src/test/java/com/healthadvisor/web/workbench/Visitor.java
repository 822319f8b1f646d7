package com.healthadvisor.web.workbench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser, without a browser: a cookie jar, and the CSRF token of the last page it read. The service it visits
 * must send its session cookie over plain HTTP ({@code server.servlet.session.cookie.secure=false}): the JDK's
 * cookie jar keeps Secure cookies for https only, where a browser treats localhost as secure.
 */
public final class Visitor {

    private static final Pattern CSRF = Pattern.compile("name=\"(?:_csrf|csrf-token)\"[^>]*(?:value|content)=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private String token;

    public Visitor(int port) {
        this.port = port;
    }

    /** Where signing in sends the browser. */
    public String signIn(String name, String password) throws Exception {
        get("/login");
        return post("/login", "username", name, "password", password).headers().firstValue("Location").orElseThrow();
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher found = CSRF.matcher(page.body());
        if (found.find()) {
            token = found.group(1);
        }
        return page;
    }

    /** A form as the page's own sends it, with the token of the page read last. */
    public HttpResponse<String> post(String path, String... fields) throws Exception {
        if (token == null) {
            get("/");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.put("_csrf", token);
        HttpResponse<String> answer = postWithoutToken(path, form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
        if (path.equals("/login")) {
            // Signing in starts a new session with a token of its own: read it before the next form.
            token = null;
        }
        return answer;
    }

    public HttpResponse<String> postWithoutToken(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

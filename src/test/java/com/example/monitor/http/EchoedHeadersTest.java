package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.HttpServiceTestSupport;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nothing of a request comes back as a response header: every header a browser acts on, sent as a
 * query parameter, a form field and a request header, on every route; and every answer carries the
 * same fixed set of headers, the security ones included.
 */
class EchoedHeadersTest extends HttpServiceTestSupport {

    private static final String MARKER = "http://evil.example/";
    /** Response headers an attacker would like to set: CORS, cookies, redirects, framing, caching, type. */
    private static final List<String> RESPONSE_HEADERS = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials", "Access-Control-Allow-Headers", "Set-Cookie", "Refresh", "Location",
            "Content-Type", "Content-Security-Policy", "X-Frame-Options", "Cache-Control", "Link",
            "Content-Disposition", "Strict-Transport-Security", "WWW-Authenticate", "X-Content-Type-Options",
            "Referrer-Policy", "Retry-After", "X-Injected", "CamelHttpResponseCode", "CamelHttpPath", "monitorRunId");
    /** Every answer's header names are among these. */
    private static final Set<String> FIXED = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "location", "cache-control", "x-content-type-options", "content-security-policy",
            "referrer-policy", "x-frame-options");
    private static final List<String> GETS = List.of("/", "/app.js", "/style.css", "/api/runs", "/api/runs/current",
            "/api/runs/20261128T191500Z-9acc8c32", "/api/status", "/observe/health", "/observe/metrics", "/no-such-path");
    private static final List<String> POSTS = List.of("/api/runs", "/api/runs/current/cancel");

    @Override
    protected String databaseName() {
        return "echoed_headers";
    }

    @Test
    void noResponseHeaderSentAsAQueryParameterComesBackOnAnyRoute() {
        for (String name : RESPONSE_HEADERS) {
            String query = "?" + name + "=" + URLEncoder.encode(MARKER, StandardCharsets.UTF_8);
            for (String path : GETS) {
                assertFixedHeaders(api.get(path + query), "GET " + path + query);
            }
            for (String path : POSTS) {
                assertFixedHeaders(api.postJson(path + query, "{}"), "POST " + path + query);
            }
        }
        awaitNoRunInFlight();
    }

    @Test
    void noResponseHeaderSentAsARequestHeaderComesBackOnAnyRoute() {
        for (String name : RESPONSE_HEADERS) {
            for (String path : GETS) {
                assertFixedHeaders(api.send(api.request(path).header(name, MARKER).GET()), "GET " + path + " " + name);
            }
            if (!name.equals("Content-Type")) {
                for (String path : POSTS) {
                    assertFixedHeaders(api.send(api.request(path).header(name, MARKER).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))), "POST " + path + " " + name);
                }
            }
        }
        awaitNoRunInFlight();
    }

    @Test
    void noResponseHeaderSentAsAFormFieldComesBackAndTheFormIsRefused() {
        for (String name : RESPONSE_HEADERS) {
            String form = name + "=" + URLEncoder.encode(MARKER, StandardCharsets.UTF_8);
            for (String path : POSTS) {
                HttpResponse<String> response = api.send(api.request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
                assertFixedHeaders(response, "form POST " + path + " " + name);
                assertThat(response.statusCode()).as(path).isEqualTo(415);
            }
        }
    }

    @Test
    void everyAnswerSaysNosniffThePageForbidsFramingAndTheApiIsNeverCached() throws Exception {
        for (String path : GETS) {
            assertThat(api.get(path).headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        HttpResponse<String> page = api.get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(api.get("/api/runs").headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> accepted = api.postJson("/api/runs", "{}");
        String runId = JSON.readTree(accepted.body()).get("runId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outputDir().resolve(runId + ".json")));
        HttpResponse<String> report = api.get("/api/runs/" + runId);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/json");
        awaitNoRunInFlight();
    }

    @Test
    void headIsAnsweredOnEveryRouteAsGetIsWithTheSameStatusAndHeadersAndNoBody() {
        for (String path : GETS) {
            HttpResponse<String> get = api.get(path);
            HttpResponse<String> head = api.send(api.request(path + "?X-Frame-Options=" + MARKER)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
            assertThat(head.headers().firstValue("Content-Type")).as("HEAD " + path).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.body()).as("HEAD " + path).isEmpty();
            assertFixedHeaders(head, "HEAD " + path);
            HttpPerimeter.SECURITY_HEADERS.forEach((name, value) ->
                    assertThat(head.headers().allValues(name)).as("HEAD " + path + " " + name).containsExactly(value));
        }
        // on the wire: the head ends the answer, so the connection could carry the next request
        String wire = new String(api.rawBytes(("HEAD /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + api.port()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8);
        assertThat(wire).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n").containsOnlyOnce("\r\n\r\n");
    }

    @Test
    void whatVertxRefusesBeforeAnyRouteCarriesTheFixedHeadersAJsonErrorAndClosesTheConnection() throws Exception {
        String host = "Host: 127.0.0.1:" + api.port();
        // no Connection: close from the client on the requests Vert.x cannot read: the server must close
        assertRefusedAndClosed(api.raw("GET /" + "a".repeat(9000) + " HTTP/1.1", host, ""), 414, "request line");
        assertRefusedAndClosed(api.raw("GET / HTTP/1.1", host, "X-Big: " + "b".repeat(10 * 1024), ""), 431, "headers");
        assertRefusedAndClosed(api.raw("GET /", ""), 400, "not an HTTP/1.1 request");

        assertVertxRefusal(api.raw("GET /api/runs HTTP/1.1", "Connection: close", ""), 400, "exactly one Host");
    }

    private static void assertRefusedAndClosed(ApiClient.RawResponse response, int status, String message) throws Exception {
        assertVertxRefusal(response, status, message);
        assertThat(response.headers().get("connection")).containsExactly("close");
    }

    private static void assertVertxRefusal(ApiClient.RawResponse response, int status, String message) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().keySet()).allMatch(FIXED::contains, "one of the fixed headers");
        HttpPerimeter.SECURITY_HEADERS.forEach((name, value) ->
                assertThat(response.headers().get(name.toLowerCase(Locale.ROOT))).as(name).containsExactly(value));
        assertThat(response.headers().get("cache-control")).containsExactly("no-store");
        assertThat(response.headers().get("content-type")).containsExactly("application/json");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }

    private static void assertFixedHeaders(HttpResponse<String> response, String request) {
        assertThat(response.statusCode()).as(request + ": " + response.body()).isNotEqualTo(500)
                .satisfies(status -> assertThat(status / 100).as("no redirect").isNotEqualTo(3));
        // the JDK client shows the status line as a pseudo-header
        Map<String, List<String>> headers = response.headers().map().entrySet().stream()
                .filter(header -> !header.getKey().startsWith(":"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(headers.keySet()).as(request).allMatch(name -> FIXED.contains(name.toLowerCase(Locale.ROOT)),
                "one of the fixed headers");
        assertThat(headers.values()).as(request).flatMap(values -> values)
                .noneMatch(value -> value.contains("evil.example"));
        assertThat(headers.keySet()).as(request).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(request).hasValue("nosniff");
    }

    private void awaitNoRunInFlight() {
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/runs/current").statusCode() == 204);
    }
}

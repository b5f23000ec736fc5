package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.ApiClient.RawResponse;
import com.example.monitor.testing.HttpServiceTestSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Who may call: a request sent to a host name the server does not answer to (DNS rebinding) is 421, a
 * token anywhere in the URL is 401 and never compared, behind a proxy the forwarded host counts, and a
 * body that trickles in is dropped. Raw requests on a socket, since a client would set the Host itself.
 */
class HostAndTokenTest extends HttpServiceTestSupport {

    private static final String TOKEN = "host-and-token-test-token";

    @Override
    protected String databaseName() {
        return "host_and_token";
    }

    @Override
    protected String token() {
        return TOKEN;
    }

    @Override
    protected List<String> moreSettings() {
        return List.of("monitor.http.allowed-hosts", "monitor.example.com", "monitor.http.body-timeout", "1s");
    }

    @Test
    void theTokenInTheQueryStringIsRefusedEvenBesideAValidHeader() throws Exception {
        ApiClient anonymous = api.withToken(null);
        assertError(anonymous.get("/api/runs?Authorization=Bearer%20" + TOKEN), 401, "never in the URL");
        assertError(anonymous.get("/api/runs?authorization=Bearer%20" + TOKEN), 401, "never in the URL");
        assertError(anonymous.get("/api/runs?access_token=" + TOKEN), 401, "never in the URL");
        assertError(api.get("/api/runs?Authorization=x"), 401, "never in the URL");
        assertError(anonymous.postJson("/api/runs?Authorization=Bearer%20" + TOKEN, "{}"), 401, "never in the URL");
        assertThat(api.get("/api/runs?limit=5").statusCode()).isEqualTo(200);
        assertThat(reports.all()).isEmpty();
    }

    @Test
    void aForeignHostIs421OnThePageAndTheApiButNotOnHealth() {
        RawResponse rebound = get("/api/runs", "rebound.evil.example:" + api.port(), "Authorization: Bearer " + TOKEN);
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.body()).contains("\"error\"").contains("monitor.http.allowed-hosts");
        assertThat(get("/", "rebound.evil.example").status()).isEqualTo(421);
        assertThat(get("/api/runs", "", "Authorization: Bearer " + TOKEN).status()).as("no Host at all").isIn(400, 421);

        assertThat(get("/api/runs", "localhost:" + api.port(), "Authorization: Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(get("/api/runs", "127.0.0.1:" + api.port(), "Authorization: Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(get("/api/runs", "monitor.example.com", "Authorization: Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(get("/observe/health", "10.1.2.3:" + api.port()).status()).as("probes call by address").isEqualTo(200);
    }

    @Test
    void behindAProxyTheForwardedHostMustBeAllowedAndItsOriginIsTheOwn() {
        assertThat(get("/api/runs", "127.0.0.1:" + api.port(), "Authorization: Bearer " + TOKEN,
                "X-Forwarded-Host: monitor.example.com").status()).isEqualTo(200);
        assertThat(get("/api/runs", "127.0.0.1:" + api.port(), "Authorization: Bearer " + TOKEN,
                "X-Forwarded-Host: rebound.evil.example").status()).isEqualTo(421);

        RawResponse proxied = api.raw("POST /api/runs HTTP/1.1", "Host: 127.0.0.1:" + api.port(),
                "X-Forwarded-Host: monitor.example.com", "X-Forwarded-Proto: https",
                "Origin: https://monitor.example.com", "Authorization: Bearer " + TOKEN,
                "Content-Type: application/json", "Content-Length: 2", "Connection: close", "", "{}");
        assertThat(proxied.status()).as(proxied.body()).isEqualTo(202);
        RawResponse foreignOrigin = api.raw("POST /api/runs HTTP/1.1", "Host: 127.0.0.1:" + api.port(),
                "X-Forwarded-Host: monitor.example.com", "Origin: http://rebound.evil.example",
                "Authorization: Bearer " + TOKEN, "Content-Type: application/json", "Content-Length: 2",
                "Connection: close", "", "{}");
        assertThat(foreignOrigin.status()).isEqualTo(403);
    }

    /** The page's Run button posts with its own origin; these proxies used to get 403 for it. */
    @Test
    void aProxyThatTerminatesTlsKeepingTheHostOrWritingTheDefaultPortIsTheSameOrigin() {
        RawResponse keptHost = api.raw("POST /api/runs HTTP/1.1", "Host: monitor.example.com",
                "X-Forwarded-Proto: https", "Origin: https://monitor.example.com", "Authorization: Bearer " + TOKEN,
                "Content-Type: application/json", "Content-Length: 2", "Connection: close", "", "{}");
        RawResponse defaultPort = api.raw("POST /api/runs HTTP/1.1", "Host: 127.0.0.1:" + api.port(),
                "X-Forwarded-Host: monitor.example.com:443", "X-Forwarded-Proto: https",
                "Origin: https://monitor.example.com", "Authorization: Bearer " + TOKEN,
                "Content-Type: application/json", "Content-Length: 2", "Connection: close", "", "{}");
        RawResponse otherScheme = api.raw("POST /api/runs HTTP/1.1", "Host: monitor.example.com",
                "X-Forwarded-Proto: https", "Origin: http://monitor.example.com", "Authorization: Bearer " + TOKEN,
                "Content-Type: application/json", "Content-Length: 2", "Connection: close", "", "{}");

        // 409 when the first one's run is still in flight: past the origin check either way
        assertThat(keptHost.status()).as(keptHost.body()).isIn(202, 409);
        assertThat(defaultPort.status()).as(defaultPort.body()).isIn(202, 409);
        assertThat(otherScheme.status()).as("http is not the https page's origin").isEqualTo(403);
    }

    @Test
    void aSecondHostHeaderIs400WhicheverOfThemIsAllowedAndOnHealthToo() throws Exception {
        String own = "Host: localhost:" + api.port();
        String foreign = "Host: rebound.evil.example";
        assertRefused(api.raw("GET /api/runs HTTP/1.1", own, foreign, "Authorization: Bearer " + TOKEN,
                "Connection: close", ""), 400, "exactly one Host");
        assertRefused(api.raw("GET /api/runs HTTP/1.1", foreign, own, "Authorization: Bearer " + TOKEN,
                "Connection: close", ""), 400, "exactly one Host");
        assertRefused(api.raw("GET /api/runs HTTP/1.1", own, own, "Authorization: Bearer " + TOKEN,
                "Connection: close", ""), 400, "exactly one Host");
        assertRefused(api.raw("GET /observe/health HTTP/1.1", own, foreign, "Connection: close", ""), 400, "exactly one Host");
    }

    /** RFC 9112 §3.2: an empty Host is only for a target without an authority, which no request here has. */
    @Test
    void anEmptyOrMissingHostIs400OnTheApiAndOnHealthToo() throws Exception {
        assertRefused(api.raw("GET /api/runs HTTP/1.1", "Host:", "Authorization: Bearer " + TOKEN, "Connection: close", ""),
                400, "exactly one Host");
        assertRefused(api.raw("GET /observe/health HTTP/1.1", "Host: ", "Connection: close", ""), 400, "exactly one Host");
        assertRefused(api.raw("GET /observe/health HTTP/1.1", "Connection: close", ""), 400, "exactly one Host");
        assertThat(api.raw("GET /observe/health HTTP/1.1", "Host: 10.1.2.3", "Connection: close", "").status())
                .isEqualTo(200);
    }

    @Test
    void aForwardedHostThatIsAListOrRepeatedIs400() throws Exception {
        String host = "Host: 127.0.0.1:" + api.port();
        assertRefused(api.raw("GET /api/runs HTTP/1.1", host, "X-Forwarded-Host: monitor.example.com, rebound.evil.example",
                "Authorization: Bearer " + TOKEN, "Connection: close", ""), 400, "X-Forwarded-Host");
        assertRefused(api.raw("GET /api/runs HTTP/1.1", host, "X-Forwarded-Host: monitor.example.com",
                "X-Forwarded-Host: rebound.evil.example", "Authorization: Bearer " + TOKEN, "Connection: close", ""),
                400, "X-Forwarded-Host");
        assertThat(api.raw("GET /api/runs HTTP/1.1", host, "X-Forwarded-Host: monitor.example.com",
                "Authorization: Bearer " + TOKEN, "Connection: close", "").status()).isEqualTo(200);
    }

    @Test
    void anAbsoluteFormTargetNamesTheHostAndIsCheckedLikeTheHostHeader() throws Exception {
        String own = "Host: localhost:" + api.port();
        String token = "Authorization: Bearer " + TOKEN;
        assertRefused(api.raw("GET http://rebound.evil.example/api/runs HTTP/1.1", own, token, "Connection: close", ""),
                421, "monitor.http.allowed-hosts");
        assertRefused(api.raw("GET http://localhost@rebound.evil.example:" + api.port() + "/api/runs HTTP/1.1", own, token,
                "Connection: close", ""), 400, "request target");
        assertRefused(api.raw("GET gopher://localhost/api/runs HTTP/1.1", own, token, "Connection: close", ""),
                400, "request target");
        assertRefused(api.raw("GET http://localhost:" + api.port() + "/api/runs HTTP/1.1", "Host: rebound.evil.example",
                token, "Connection: close", ""), 421, "monitor.http.allowed-hosts");
        assertRefused(api.raw("GET http://rebound.evil.example/ HTTP/1.1", own, "Connection: close", ""),
                421, "monitor.http.allowed-hosts");

        RawResponse sameHost = api.raw("GET http://localhost:" + api.port() + "/api/runs HTTP/1.1", own, token,
                "Connection: close", "");
        assertThat(sameHost.status()).as("RFC 9112 has a server accept the absolute form").isEqualTo(200);
        assertThat(api.raw("GET HTTP://MONITOR.EXAMPLE.COM/api/runs HTTP/1.1", own, token, "Connection: close", "")
                .status()).isEqualTo(200);
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsDroppedWith408() {
        Instant start = Instant.now();
        byte[] head = ("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"sta").getBytes(StandardCharsets.UTF_8);

        RawResponse dropped = api.raw(head);

        assertThat(dropped.status()).isEqualTo(408);
        assertThat(dropped.body()).contains("monitor.http.body-timeout");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(reports.all()).isEmpty();
    }

    private RawResponse get(String path, String host, String... headers) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        if (!host.isEmpty()) {
            request.append("Host: ").append(host).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return api.raw(request.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The perimeter's refusal: its status, the fixed headers and a JSON error. */
    private static void assertRefused(RawResponse response, int status, String message) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        HttpPerimeter.SECURITY_HEADERS.forEach((name, value) ->
                assertThat(response.headers().get(name.toLowerCase(Locale.ROOT))).as(name).containsExactly(value));
        assertThat(response.headers().get("content-type")).containsExactly("application/json");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }
}

package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.H2DemoProject;
import com.example.monitor.testing.LoopbackPorts;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's start-up, as an operator meets it: {@code ${env:NAME}} and {@code {{env:NAME}}}
 * in every {@code monitor.*} value, set or unset, a server that cannot listen, each an exit code, and
 * what a client polling the API meets from the moment the port opens.
 */
@PackagedJar
class HttpStartupIT {

    private static final Pattern LISTENING = Pattern.compile("HTTP server on http://(\\S+):(\\d+)/");
    private static final Duration START = Duration.ofSeconds(60);
    /** Every header name a 503 of the start-up may carry. */
    private static final Set<String> STARTING_HEADERS = Set.of("content-type", "content-length", "connection",
            "retry-after", "cache-control", "x-content-type-options", "content-security-policy", "referrer-policy",
            "x-frame-options");

    @TempDir
    Path dir;

    @Test
    void bothFormsOfEnvironmentReferenceGiveTheTokenItsValueNeverTheLiteral() throws Exception {
        H2DemoProject.write(dir, "env_token_it");
        for (String reference : List.of("${env:MONITOR_HTTP_TOKEN}", "{{env:MONITOR_HTTP_TOKEN}}")) {
            try (MonitorProcess service = MonitorProcess.jar().in(dir).env("MONITOR_HTTP_TOKEN", "t0ken-from-env")
                    .args("--monitor.mode=service", "--monitor.http.port=0", "--monitor.http.token=" + reference).start()) {
                int port = port(service.awaitLog("service started", START).log());
                ApiClient api = new ApiClient(port, null);
                assertThat(api.get("/api/runs").statusCode()).as(reference).isEqualTo(401);
                assertThat(api.withToken(reference).get("/api/runs").statusCode()).as(reference).isEqualTo(401);
                assertThat(api.withToken("t0ken-from-env").get("/api/runs").statusCode()).as(reference).isEqualTo(200);
                service.sigterm();
                assertThat(service.awaitExit(START)).isZero();
                assertThat(service.log()).doesNotContain("t0ken-from-env");
            }
        }
    }

    @Test
    void fromThePortOpeningUntilTheServiceHasStartedTheApiAnswers503WithTheFixedHeadersAndNever404() throws Exception {
        H2DemoProject.write(dir, "starting_it");
        int port = LoopbackPorts.free();
        ApiClient api = new ApiClient(port, "starting-t0ken");
        List<HttpResponse<String>> beforeReady = new ArrayList<>();
        try (MonitorProcess service = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.http.port=" + port, "--monitor.http.token=starting-t0ken")
                .start()) {
            await().atMost(START).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                assertThat(service.isAlive()).as("the service is running; log:%n%s", service.log()).isTrue();
                HttpResponse<String> answer = poll(api);
                if (answer == null || answer.statusCode() == 200) {
                    return answer != null;
                }
                beforeReady.add(answer);
                return false;
            });
            service.sigterm();
            assertThat(service.awaitExit(START)).isZero();
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        beforeReady.forEach(answer -> statuses.merge(answer.statusCode(), 1, Integer::sum));
        assertThat(statuses.keySet()).as("statuses before the first 200, with their counts: %s", statuses)
                .allMatch(status -> status == 503);
        // the port opens a good 100 ms before the service has started: polls land in between
        assertThat(statuses).as("statuses before the first 200").containsKey(503);
        for (HttpResponse<String> starting : beforeReady) {
            // the JDK client shows the status line as a pseudo-header
            assertThat(starting.headers().map().keySet()).as("%s", starting.headers().map())
                    .filteredOn(name -> !name.startsWith(":"))
                    .allMatch(name -> STARTING_HEADERS.contains(name.toLowerCase(Locale.ROOT)), "a fixed header");
            assertThat(starting.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(starting.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(starting.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(starting.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'"));
            assertThat(starting.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(starting.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(starting.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(starting.body()).contains("\"error\"");
        }
    }

    /** One short request; null while nothing listens yet or the answer is slow to come. */
    private static HttpResponse<String> poll(ApiClient api) {
        try {
            return api.send(api.request("/api/runs").timeout(Duration.ofSeconds(1)).GET());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof HttpTimeoutException) {
                return null;
            }
            throw e;
        }
    }

    @Test
    void anUnsetVariableIsExitTwoWithOneLineNamingTheKeyAndTheVariable() throws Exception {
        H2DemoProject.write(dir, "env_unset_it");
        for (String reference : List.of("${env:MONITOR_HTTP_TOKEN}", "{{env:MONITOR_HTTP_TOKEN}}")) {
            Result result = MonitorProcess.jar().in(dir).env("MONITOR_HTTP_TOKEN_OTHER", "x")
                    .args("--monitor.mode=service", "--monitor.http.port=0", "--monitor.http.token=" + reference).run();
            assertThat(result.exit()).as(result.log()).isEqualTo(2);
            assertThat(errorLines(result)).as(reference)
                    .containsExactly("error: monitor.http.token: environment variable MONITOR_HTTP_TOKEN is not set");
            assertThat(result.log()).doesNotContain("HTTP server on");
        }
        Result argument = MonitorProcess.jar().in(dir).args("--monitor.lookback-days=${env:LOOKBACK_UNSET}").run();
        assertThat(argument.exit()).as(argument.log()).isEqualTo(2);
        assertThat(errorLines(argument))
                .containsExactly("error: monitor.lookback-days: environment variable LOOKBACK_UNSET is not set");

        Files.writeString(dir.resolve("application.properties"), "monitor.output-dir = {{env:REPORTS_UNSET}}\n");
        Result file = MonitorProcess.jar().in(dir).run();
        assertThat(file.exit()).as(file.log()).isEqualTo(2);
        assertThat(errorLines(file)).containsExactly("error: monitor.output-dir: environment variable REPORTS_UNSET is not set");
        assertThat(dir.resolve("output")).doesNotExist();
    }

    @Test
    void anotherSettingTakesItsValueFromTheEnvironmentInAnArgumentAndInTheWorkingFolderProperties() throws Exception {
        H2DemoProject.write(dir, "env_set_it");
        Files.writeString(dir.resolve("application.properties"), "monitor.start-date = ${env:START_DATE}\n");

        Result result = MonitorProcess.jar().in(dir).env("REPORTS", dir.resolve("from-env").toString())
                .env("START_DATE", "2020-01-01").args("--monitor.output-dir=${env:REPORTS}").run();

        assertThat(result.exit()).as(result.log()).isZero();
        assertThat(new ReportFiles(dir.resolve("from-env")).only().get("startDate").asText()).isEqualTo("2020-01-01T00:00:00");
        assertThat(Files.list(dir).map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("$"));
    }

    @Test
    void aSecondServiceOnABusyPortExitsTwoWithOneErrorLine() throws Exception {
        H2DemoProject.write(dir, "busy_port_it");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Result result = MonitorProcess.jar().in(dir)
                    .args("--monitor.mode=service", "--monitor.http.port=" + busy.getLocalPort()).run();

            assertThat(result.exit()).as(result.log()).isEqualTo(2);
            assertThat(errorLines(result)).singleElement().asString()
                    .startsWith("error: monitor.http.port: the HTTP server could not listen on 127.0.0.1:" + busy.getLocalPort());
            assertThat(result.log()).doesNotContain("HTTP server on").doesNotContain("service started");
        }
        Result unresolvable = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.http.port=0", "--monitor.http.host=127.1").run();
        assertThat(unresolvable.exit()).as(unresolvable.log()).isEqualTo(2);
        assertThat(errorLines(unresolvable)).singleElement().asString().startsWith("error: monitor.http.port:");
    }

    @Test
    void anIpv6BindIsLoggedInBrackets() throws Exception {
        assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
        H2DemoProject.write(dir, "ipv6_it");
        try (MonitorProcess service = MonitorProcess.jar().in(dir)
                .args("--monitor.mode=service", "--monitor.http.port=0", "--monitor.http.host=::1").start()) {
            String log = service.awaitLog("service started", START).log();
            Matcher matcher = LISTENING.matcher(log);
            assertThat(matcher.find()).as(log).isTrue();
            assertThat(matcher.group(1)).isEqualTo("[::1]");
            service.sigterm();
            assertThat(service.awaitExit(START)).isZero();
        }
    }

    private static int port(String log) {
        Matcher matcher = LISTENING.matcher(log);
        assertThat(matcher.find()).as(log).isTrue();
        return Integer.parseInt(matcher.group(2));
    }

    private static List<String> errorLines(Result result) {
        return result.log().lines().filter(line -> line.startsWith("error:")).toList();
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

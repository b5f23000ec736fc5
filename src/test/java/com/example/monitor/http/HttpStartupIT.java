package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.H2DemoProject;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.MonitorProcess.Result;
import com.example.monitor.testing.PackagedJar;
import com.example.monitor.testing.ReportFiles;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's start-up, as an operator meets it: {@code ${env:NAME}} and {@code {{env:NAME}}}
 * in every {@code monitor.*} value, set or unset, and a server that cannot listen, each an exit code.
 */
@PackagedJar
class HttpStartupIT {

    private static final Pattern LISTENING = Pattern.compile("HTTP server on http://(\\S+):(\\d+)/");
    private static final Duration START = Duration.ofSeconds(60);

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
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

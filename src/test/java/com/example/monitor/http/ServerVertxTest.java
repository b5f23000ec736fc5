package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.example.monitor.testing.ServiceMain;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Vert.x the service's servers are made with, through the service as the jar starts it: HTTP/1.1
 * whatever a client asks for, the perimeter on before the port opens (which the start-up's own
 * self-check must get past), and no thread of it left once the service has stopped.
 */
class ServerVertxTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    /** What a client with prior knowledge of HTTP/2 sends first: the connection preface and an empty SETTINGS frame. */
    private static final byte[] HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

    private ProjectFiles project;

    @BeforeEach
    void project() throws Exception {
        project = ProjectFiles.temp("server-vertx-test").on(POSTGRES.server())
                .postgres("server_vertx")
                .query("One", "server_vertx/one.sql", "SELECT 1 AS one\n")
                .write();
    }

    @Test
    void aClientAskingToUpgradeToHttp2IsAnsweredInHttp11() throws Exception {
        try (ServiceMain service = ServiceMain.start(project)) {
            HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> answer = http2.send(HttpRequest.newBuilder(URI.create(service.api().base() + "/api/runs"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }

    @Test
    void http2WithPriorKnowledgeIsRefusedInPlainTextNotAnsweredWithAnHttp2Frame() throws Exception {
        try (ServiceMain service = ServiceMain.start(project);
             Socket socket = new Socket("127.0.0.1", service.api().port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(HTTP2_PREFACE);
            out.write(EMPTY_SETTINGS);
            out.flush();

            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

            // Vert.x's HTTP/1 decoder takes the preface for a request line and refuses its version (501)
            assertThat(answer).matches("HTTP/[\\d.]+ [45]\\d\\d");
        }
    }

    @Test
    void onABindToEveryAddressTheServiceStartsThoughItsSelfCheckGoesTo127001WhichTheHostCheckRefuses() {
        try (ServiceMain service = ServiceMain.start(project, "monitor.http.host", "0.0.0.0",
                "monitor.http.token", "server-vertx-t0ken", "monitor.http.allowed-hosts", "monitor.example.com")) {
            HttpResponse<String> answer = service.api().withToken("server-vertx-t0ken").get("/api/runs");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(421);
        }
    }

    @Test
    void stoppingTheServiceEndsEveryThreadItsServerStarted() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServiceMain service = ServiceMain.start(project)) {
            ApiClient api = service.api();
            assertThat(api.get("/api/runs").statusCode()).isEqualTo(200);
            assertThat(newNonDaemonThreads(before)).as("the server's event loop, at least").isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(newNonDaemonThreads(before)).isEmpty());
    }

    private static List<String> newNonDaemonThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
                .map(Thread::getName).sorted().toList();
    }
}

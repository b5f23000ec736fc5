package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.ApiClient;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Camel's own {@code camel.management.port} moves health and metrics off the page's and the API's port. */
class SeparateManagementPortTest extends MonitorTestSupport {

    private static final int MANAGEMENT_PORT = freePort();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return ProjectFiles.temp("management-port-test").on(POSTGRES.server())
                .postgres("management_port")
                .query("One", "management_port/one.sql", "SELECT 1 AS one\n")
                .property("monitor.mode", "service")
                .property("monitor.http.port", "0")
                .property("camel.management.port", Integer.toString(MANAGEMENT_PORT))
                .write();
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortAndThePageAndApiOnTheirOwn() {
        int serverPort = context.hasServices(VertxPlatformHttpServer.class).stream()
                .map(VertxPlatformHttpServer::getPort).filter(port -> port != MANAGEMENT_PORT)
                .findFirst().orElseThrow();
        ApiClient server = new ApiClient(serverPort, null);
        ApiClient management = new ApiClient(MANAGEMENT_PORT, null);

        assertThat(management.get("/observe/health").statusCode()).isEqualTo(200);
        assertThat(management.get("/observe/metrics").body()).contains("monitor_run_in_progress");
        assertThat(server.get("/api/runs").statusCode()).isEqualTo(200);
        assertThat(server.get("/").statusCode()).isEqualTo(200);
        assertThat(server.get("/observe/health").statusCode()).isEqualTo(404);
        assertThat(management.get("/api/runs").statusCode()).isEqualTo(404);
    }

    /** The management port's own errors used to be Vert.x's HTML page, unlike every other answer. */
    @Test
    void anUnknownPathOnTheManagementPortIsAJson404WithTheFixedHeaders() throws Exception {
        var unknown = new ApiClient(MANAGEMENT_PORT, null).get("/observe/nope");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(unknown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("no such path, or not with this method");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

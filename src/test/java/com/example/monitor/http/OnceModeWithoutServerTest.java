package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.util.Properties;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A one-shot run never starts the HTTP server, even with {@code monitor.http.port} set. */
class OnceModeWithoutServerTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;

    @BeforeAll
    static void createDatabase() throws Exception {
        String url = POSTGRES.server().createDatabase("once_http");
        project = new ProjectFiles(Files.createTempDirectory("once-http-test"))
                .database("once_http", url)
                .query("One", "once_http/one.sql", "SELECT 1 AS one\n");
        project.write();
    }

    @Override
    protected ProjectFiles project() {
        return project;
    }

    @Override
    protected Properties monitorProperties() {
        return properties("monitor.mode", "once", "monitor.http.port", "0", "monitor.http.host", "0.0.0.0");
    }

    @Test
    void onceModeHasNoServerNoApiRoutesAndNoMetrics() {
        assertThat(context.hasService(VertxPlatformHttpServer.class)).isNull();
        assertThat(context.getRoute("api-list-runs")).isNull();
        assertThat(context.getRoute("run-analysis")).isNotNull();
        assertThat(context.getRegistry().lookupByName("metricsRegistry")).isNull();
        assertThat(report(runAnalysis("2026-10-01")).status()).isEqualTo("completed");
    }
}

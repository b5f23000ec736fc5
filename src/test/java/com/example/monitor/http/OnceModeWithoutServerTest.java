package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A one-shot run never starts the HTTP server, even with {@code monitor.http.port} set. */
class OnceModeWithoutServerTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        return ProjectFiles.temp("once-http-test").on(POSTGRES.server())
                .postgres("once_http")
                .query("One", "once_http/one.sql", "SELECT 1 AS one\n")
                .property("monitor.mode", "once")
                .property("monitor.http.port", "0")
                .property("monitor.http.host", "0.0.0.0")
                .write();
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

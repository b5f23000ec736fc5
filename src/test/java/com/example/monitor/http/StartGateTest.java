package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.config.HttpSettings;
import com.example.monitor.testing.ApiClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start gate behind the perimeter, on a router as the service's server has it while it starts:
 * with a route each for the API and for health behind them, as once the routes have started.
 */
class StartGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StartGate gate = new StartGate();
    private Vertx vertx;
    private ApiClient api;

    @BeforeEach
    void listen() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().order(RouterGuard.PERIMETER_ORDER)
                .handler(new HttpPerimeter(new HttpSettings(0, "127.0.0.1", null, List.of(), null, null),
                        new HeaderDeadline(Duration.ofSeconds(20))));
        router.route().order(RouterGuard.GATE_ORDER).handler(gate);
        router.get("/api/runs").handler(context -> context.response().putHeader("Content-Type", "application/json").end("[]"));
        router.get("/observe/health").handler(context -> context.response().end("UP"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        api = new ApiClient(server.actualPort(), null);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void untilOpenedThePageAndTheApiAre503InJsonWithRetryAfterAndTheFixedHeaders() throws Exception {
        for (HttpResponse<String> starting : List.of(api.get("/api/runs"), api.get("/"),
                api.postJson("/api/runs", "{}"))) {
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(starting.body()).get("error").asText()).isEqualTo(StartGate.MESSAGE);
            assertThat(starting.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(starting.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(starting.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(starting.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(starting.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void healthAndMetricsPassWhileStarting() {
        HttpResponse<String> health = api.get("/observe/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("UP");
    }

    @Test
    void onceOpenedEveryRequestGoesOnAndNoneIsToldToRetry() {
        gate.open();

        HttpResponse<String> runs = api.get("/api/runs");

        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).isEqualTo("[]");
        assertThat(runs.headers().firstValue("Retry-After")).isEmpty();
        assertThat(api.get("/no-such-path").statusCode()).isEqualTo(404);
    }
}

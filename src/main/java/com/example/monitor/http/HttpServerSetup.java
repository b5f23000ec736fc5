package com.example.monitor.http;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesConfig;
import com.example.monitor.config.HttpSettings;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.QueryConfig;
import com.example.monitor.config.Setting;
import com.example.monitor.jdbc.DataSourceFactory;
import com.example.monitor.run.AnalysisRuns;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the server the wiring asked for, in service mode with {@code monitor.http.port} set
 * ({@link HttpServerSwitch} has turned Camel's server on by then): the header filter, health checks,
 * metrics, and the Vert.x Camel makes its servers with ({@link ServerVertx}), which puts the perimeter,
 * the start gate and JSON errors on their routers before they listen. The beans the HTTP routes name
 * are bound by the wiring.
 */
public final class HttpServerSetup {

    /** Past every timeout, a run is stuck; the margin covers writing the report and a busy machine. */
    static final Duration DEADLINE_MARGIN = Duration.ofMinutes(1);
    private static final Duration SELF_CHECK_TIMEOUT = Duration.ofSeconds(5);
    /** Within the 10 s that SIGTERM gives the service to end. */
    private static final Duration VERTX_CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerSetup.class);

    private HttpServerSetup() {
    }

    public static void install(CamelContext context, MonitorSettings settings, DatabasesConfig config,
                               DataSourceFactory dataSources, AnalysisRuns runs, RunHistory history, Clock clock)
            throws Exception {
        context.getComponent("platform-http", PlatformHttpComponent.class).setHeaderFilterStrategy(new ApiHeaderFilter());
        List<String> databases = config.databases().stream().map(DatabaseConfig::name).toList();
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new RunDeadlineCheck(runs, runDeadline(settings, config, dataSources), clock));
            health.register(new DatabaseStatusCheck(databases, history));
        }
        HeaderDeadline headerDeadline = new HeaderDeadline(settings.http().headerTimeout());
        HttpPerimeter perimeter = new HttpPerimeter(settings.http(), headerDeadline);
        StartGate gate = new StartGate();
        RouterGuard guard = new RouterGuard(context, perimeter, gate);
        ServerVertx vertx = new ServerVertx(guard::guardNewRouters, headerDeadline);
        context.getRegistry().bind(ServerVertx.BEAN, Vertx.class, vertx);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                // called once every service, the servers among them, has stopped
                vertx.closeAndWait(VERTX_CLOSE_TIMEOUT);
            }
        });
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                MeterRegistry meters = started.getRegistry().findSingleByType(MeterRegistry.class);
                if (meters != null) {
                    // before the trigger routes' consumers start, so no run can end unseen
                    runs.addListener(new RunMetrics(meters, runs, RunMetrics.triggersOf(settings), databases, history)
                            .seedFromReports());
                }
                MainHttpServer main = started.hasService(MainHttpServer.class);
                if (main != null) {
                    requireGuarded(guard, main.getRouter(), started.hasService(ManagementHttpServer.class));
                    VertxPlatformHttpServer server = boundServer(started, main, settings.http());
                    logAddress(started, main, server);
                }
            }

            /** Camel starts the routes' consumers, the HTTP routes' among them, after onCamelContextStarted. */
            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                gate.open();
            }
        });
    }

    /**
     * Camel makes its servers with its own Vertx when it finds none, or more than one, in the registry:
     * then no router would have the perimeter, and the service does not start.
     */
    private static void requireGuarded(RouterGuard guard, VertxPlatformHttpRouter main, ManagementHttpServer management) {
        boolean managementGuarded = management == null || management.getRouter() == null
                || guard.guards(management.getRouter());
        if (!guard.guards(main) || !managementGuarded) {
            throw new IllegalStateException("Camel's HTTP server was not made with " + ServerVertx.BEAN
                    + ", so its perimeter is missing; is another Vertx bound in the registry?");
        }
    }

    /**
     * The server Camel started for the page and the API. Camel only logs a failed bind (a busy port, an
     * address Netty cannot use) and goes on without a server, still reporting the port it was asked
     * for; so the server is asked for a one-off path only it can answer, and without that answer the
     * start-up stops: exit 2.
     */
    private static VertxPlatformHttpServer boundServer(CamelContext context, MainHttpServer main, HttpSettings http) {
        VertxPlatformHttpServer server = context.hasServices(VertxPlatformHttpServer.class).stream()
                .filter(candidate -> candidate.getConfigurationPort() == main.getPort()).findFirst().orElse(null);
        if (server == null || server.getPort() <= 0 || !answersItself(main.getRouter(), http.host(), server.getPort())) {
            throw new InvalidConfigurationException(List.of(Setting.HTTP_PORT.key() + ": the HTTP server could not"
                    + " listen on " + authority(http.host(), http.port()) + " (the port is in use, or "
                    + Setting.HTTP_HOST.key() + " is not an address of this machine)"));
        }
        return server;
    }

    private static boolean answersItself(VertxPlatformHttpRouter router, String host, int port) {
        String nonce = UUID.randomUUID().toString();
        String path = "/.self-check-" + nonce;
        Route probe = router.route(path).order(RouterGuard.SELF_CHECK_ORDER)
                .handler(routingContext -> routingContext.response().end(nonce));
        String target = host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") ? "::1" : host;
        try {
            // HTTP/1.1, the server's only version: the JDK client's default would first ask to upgrade
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(SELF_CHECK_TIMEOUT).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://" + authority(target, port) + path))
                    .timeout(SELF_CHECK_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return nonce.equals(answer.body());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            probe.remove();
        }
    }

    /** Which address answers what: the actual port, when 0 asked for a free one. */
    private static void logAddress(CamelContext context, MainHttpServer main, VertxPlatformHttpServer server) {
        ManagementHttpServer management = context.hasService(ManagementHttpServer.class);
        boolean shared = management != null && management.getPort() == main.getPort();
        LOG.info("HTTP server on http://{}/ (status page, /api{})", authority(main.getHost(), server.getPort()),
                shared ? ", /observe/health, /observe/metrics" : "; health and metrics on the management port");
    }

    /** {@code host:port}, an IPv6 address in brackets as a URL writes it. */
    static String authority(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The longest a run can take with every timeout honoured: each database connects and runs its
     * queries one after another, and databases beyond the parallel limit wait for a free thread.
     */
    static Duration runDeadline(MonitorSettings settings, DatabasesConfig config, DataSourceFactory dataSources) {
        Duration longestDatabase = Duration.ZERO;
        for (DatabaseConfig database : config.databases()) {
            Duration total = dataSources.connectTimeout(database);
            for (QueryConfig query : database.queries()) {
                total = total.plus(dataSources.queryTimeout(query));
            }
            longestDatabase = total.compareTo(longestDatabase) > 0 ? total : longestDatabase;
        }
        int count = config.databases().size();
        int waves = (count + settings.parallelismFor(count) - 1) / Math.max(1, settings.parallelismFor(count));
        return longestDatabase.multipliedBy(Math.max(1, waves)).plus(DEADLINE_MARGIN);
    }
}

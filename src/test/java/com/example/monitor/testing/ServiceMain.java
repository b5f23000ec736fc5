package com.example.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.wiring.MonitorWiring;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;

/**
 * The service as the jar starts it (Camel Main from {@link MonitorWiring#main}), in this
 * JVM, on a free port: it can be stopped and a new one started on the same folders, as a restart.
 */
public final class ServiceMain implements AutoCloseable {

    private final Main main;
    private final ApiClient api;

    private ServiceMain(Main main) {
        this.main = main;
        this.api = new ApiClient(main.getCamelContext().hasService(VertxPlatformHttpServer.class).getPort(), null);
    }

    /** Starts the project's service, with its properties and the given ones over them (alternating keys and values). */
    public static ServiceMain start(ProjectFiles project, String... keysAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        project.properties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        properties.put("monitor.mode", "service");
        properties.put("monitor.http.port", "0");
        properties.put("monitor.databases-file", project.databasesFile().toString());
        properties.put("monitor.output-dir", project.outputDir().toString());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        Main main = MonitorWiring.main(properties);
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            throw new IllegalStateException("the service did not start", e);
        }
        return new ServiceMain(main);
    }

    public ApiClient api() {
        return api;
    }

    /** {@code /observe/metrics} as a scraper gets it. */
    public String scrapeText() {
        HttpResponse<String> response = api.get("/observe/metrics");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    public PrometheusText scrape() {
        return new PrometheusText(scrapeText());
    }

    @Override
    public void close() {
        main.stop();
    }
}

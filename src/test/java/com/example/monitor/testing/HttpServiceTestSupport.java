package com.example.monitor.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service with its HTTP server on a free port, as the HTTP tests drive it: one database of the
 * class's own with one query on the embedded PostgreSQL, a fresh output folder per test, and
 * {@link #api} pointed at the server (with the token, when the class sets one).
 */
@ExtendWith(PerTest.class)
public abstract class HttpServiceTestSupport extends MonitorTestSupport {

    @RegisterExtension
    protected static final PostgresExtension POSTGRES = new PostgresExtension();

    /** Each class's project, written at its first test: the database lives from the class's @BeforeAll on. */
    private static final Map<Class<?>, ProjectFiles> PROJECTS = new ConcurrentHashMap<>();

    protected ApiClient api;

    /** The database (and the folder of its query) this class has to itself. */
    protected abstract String databaseName();

    /** The one query; by default it returns the run's start date. */
    protected String querySql() {
        return "SELECT :start_date::timestamp AS start_date\n";
    }

    /** The bearer token the service requires and {@link #api} sends; null for none. */
    protected String token() {
        return null;
    }

    /** Settings beyond service mode, the free port and the token: key, value, key, value, ... */
    protected List<String> moreSettings() {
        return List.of();
    }

    @Override
    protected final ProjectFiles project() {
        return PROJECTS.computeIfAbsent(getClass(), type -> {
            try {
                String name = databaseName();
                ProjectFiles project = new ProjectFiles(Files.createTempDirectory(name.replace('_', '-') + "-test"))
                        .database(name, POSTGRES.server().createDatabase(name))
                        .query("Start date", name + "/start_date.sql", querySql());
                project.write();
                return project;
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the project of " + type.getSimpleName(), e);
            }
        });
    }

    @Override
    protected final Properties monitorProperties() {
        List<String> settings = new ArrayList<>(List.of("monitor.mode", "service", "monitor.http.port", "0"));
        if (token() != null) {
            settings.addAll(List.of("monitor.http.token", token()));
        }
        settings.addAll(moreSettings());
        return properties(settings.toArray(String[]::new));
    }

    @Override
    protected Path outputDir() {
        return PerTest.folder().resolve("output");
    }

    @BeforeEach
    void connectApiClient() {
        api = new ApiClient(context.hasService(VertxPlatformHttpServer.class).getPort(), token());
    }
}

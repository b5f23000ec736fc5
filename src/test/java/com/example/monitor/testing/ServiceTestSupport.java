package com.example.monitor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * The service with its HTTP server on a free port, against the class's own project: a fresh output
 * folder per test ({@link PerTestOutputTestSupport}), and {@link #api} pointed at the server (with the
 * token, when the class sets one).
 * The class sets the token and further settings with {@link ServiceSettings}, or by overriding
 * {@link #token()} and {@link #moreSettings()}. {@link HttpServiceTestSupport} adds a one-query project of
 * its own to it.
 */
public abstract class ServiceTestSupport extends PerTestOutputTestSupport {

    /** The token and settings of a class's service, in one line instead of two overrides. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ServiceSettings {

        /** The bearer token; empty for none. */
        String token() default "";

        /** Key, value, key, value, ... */
        String[] value() default {};
    }

    protected ApiClient api;

    /** The bearer token the service requires and {@link #api} sends; null for none. */
    protected String token() {
        return settings().map(ServiceSettings::token).filter(token -> !token.isEmpty()).orElse(null);
    }

    /** Settings beyond service mode, the free port and the token: key, value, key, value, ... */
    protected List<String> moreSettings() {
        return settings().map(settings -> List.of(settings.value())).orElse(List.of());
    }

    private Optional<ServiceSettings> settings() {
        return Optional.ofNullable(getClass().getAnnotation(ServiceSettings.class));
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

    /** The port the HTTP server took. */
    protected int port() {
        return context.hasService(VertxPlatformHttpServer.class).getPort();
    }

    @BeforeEach
    void connectApiClient() {
        api = new ApiClient(port(), token());
    }
}

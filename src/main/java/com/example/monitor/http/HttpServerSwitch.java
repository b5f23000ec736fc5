package com.example.monitor.http;

import com.example.monitor.config.CoreRoutes;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.MonitorSettingsReader;
import com.example.monitor.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Turns Camel Main's embedded server on from the {@code monitor.http.*} settings, before Camel Main
 * reads its own {@code camel.*} keys: it creates the server before any configuration class runs.
 * Service mode with a port only; a one-shot run never loads the server, health or metrics classes.
 * With any bad setting (a network address without a token among them) no server is created, and the
 * configuration then refuses to start: exit 2 before anything listens.
 */
public final class HttpServerSwitch extends MainListenerSupport {

    /** In the jar outside routes/, so that no classpath:routes/* pattern finds it without the server. */
    public static final String API_ROUTES = "http/http-api.camel.yaml";
    /** The repository's copy, which a ./routes wildcard must leave out unless the server runs. */
    public static final String WORKING_DIR_API_ROUTES = "file:routes/http-api.camel.yaml";
    static final String ROUTES_EXCLUDE = "camel.main.routes-exclude-pattern";
    static final String ROUTES_INCLUDE = "camel.main.routes-include-pattern";

    private final Function<BaseMainSupport, CamelContext> contextOf;

    public HttpServerSwitch() {
        this(BaseMainSupport::getCamelContext);
    }

    /** For Camel's test support, whose Main does not hold the context it configures. */
    public HttpServerSwitch(Function<BaseMainSupport, CamelContext> contextOf) {
        this.contextOf = contextOf;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = contextOf.apply(main).getPropertiesComponent();
        MonitorSettings settings;
        try {
            settings = new MonitorSettingsReader(MonitorSettingsReader.camelProperties(properties)).read();
        } catch (InvalidConfigurationException e) {
            // no server; MonitorConfiguration reports every problem, unknown keys included, with exit 2
            return;
        }
        if (!settings.httpEnabled()) {
            return;
        }
        camelProperties(settings, properties).forEach(properties::addOverrideProperty);
    }

    /**
     * One port for the page, the API, health and metrics. An operator's own {@code camel.management.*}
     * or {@code camel.metrics.*} keys win, so health and metrics can move to a port of their own.
     */
    static Map<String, String> camelProperties(MonitorSettings settings, PropertiesComponent properties) {
        String port = Integer.toString(settings.http().port());
        String host = settings.http().host();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("camel.server.enabled", "true");
        keys.put("camel.server.host", host);
        keys.put("camel.server.port", port);
        keys.put("camel.server.maxBodySize", Long.toString(ApiRequests.MAX_BODY_BYTES));
        defaultTo(keys, properties, "camel.management.enabled", "true");
        defaultTo(keys, properties, "camel.management.host", host);
        defaultTo(keys, properties, "camel.management.port", port);
        defaultTo(keys, properties, "camel.management.healthCheckEnabled", "true");
        defaultTo(keys, properties, "camel.management.metricsEnabled", "true");
        defaultTo(keys, properties, "camel.metrics.enabled", "true");
        // app_info holds Camel's version under a camel_context label beside every other series' camelContext
        defaultTo(keys, properties, "camel.metrics.skipCamelInfo", "true");
        defaultTo(keys, properties, "camel.health.enabled", "true");
        if (settings.values().get(Setting.CORE_ROUTES).orElse(CoreRoutes.JAR) == CoreRoutes.WORKING_DIR) {
            // every *.camel.yaml in ./routes is loaded, this one too once it is no longer left out
            keys.put(ROUTES_EXCLUDE, "false");
        } else {
            keys.put(ROUTES_INCLUDE, properties.resolveProperty(ROUTES_INCLUDE).map(p -> p + ",").orElse("")
                    + "classpath:" + API_ROUTES);
        }
        return keys;
    }

    private static void defaultTo(Map<String, String> keys, PropertiesComponent properties, String key, String value) {
        if (properties.resolveProperty(key).isEmpty()) {
            keys.put(key, value);
        }
    }
}

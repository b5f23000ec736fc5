package com.example.monitor.wiring;

import com.example.monitor.http.HttpServerSwitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;

/**
 * The application's one wiring: the beans the routes name, where the routes load from, the HTTP
 * server switch and the cluster service. The launcher and the tests both configure Camel Main here,
 * so the tests run the app users run.
 */
public final class MonitorWiring {

    /**
     * Defaults ship in the jar; an application.properties in the working directory overrides them.
     * Camel takes a key from the first location that has it, so the working directory comes first.
     */
    public static final String PROPERTY_LOCATIONS =
            "file:application.properties;optional=true,classpath:application.properties;optional=true";
    /** The first of those locations: the operator's, which Camel reads whole. */
    public static final Path WORKING_DIR_PROPERTIES = Path.of("application.properties");

    private MonitorWiring() {
    }

    /**
     * Camel Main as the jar configures it, not yet started; {@code properties} (the command line's
     * {@code --key=value}) win over every file. Tests start replicas in one JVM with it.
     */
    public static Main main(Map<String, String> properties) {
        Main main = new Main() {
            /**
             * Camel reads properties files as Latin-1 unless told otherwise, as java.util.Properties does,
             * which made {@code monitor.output-dir = café} a folder {@code cafÃ©}. Every other file the
             * operator writes here is UTF-8, so this one is too, and the launcher refuses one that is not
             * (PropertiesFileCheck). Set as the context is made: Camel loads the files while building it.
             */
            @Override
            protected CamelContext createCamelContext() {
                CamelContext context = super.createCamelContext();
                context.getPropertiesComponent().setEncoding(StandardCharsets.UTF_8.name());
                return context;
            }
        };
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        configure(main.configure(), properties.keySet(), BaseMainSupport::getCamelContext);
        main.configure().addMainListener(new CamelPlaceholderValues(properties));
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    /**
     * Adds the application to a Camel Main's configuration. {@code argumentKeys}: the keys given as
     * arguments, which keep their value; {@code contextOf}: the context a listener configures, which
     * Camel's test support does not hand to its listeners through {@link BaseMainSupport#getCamelContext}.
     */
    public static void configure(MainConfigurationProperties configuration, Set<String> argumentKeys,
                                 Function<BaseMainSupport, CamelContext> contextOf) {
        StartupProblems routeFileProblems = new StartupProblems();
        configuration.addConfiguration(new MonitorConfiguration(routeFileProblems));
        configuration.addMainListener(new ClusterActivation(contextOf));
        // the routes' locations first: the HTTP switch adds its routes to them
        configuration.addMainListener(new RouteLocations(argumentKeys, contextOf, routeFileProblems));
        configuration.addMainListener(new HttpServerSwitch(contextOf));
    }
}

package com.example.monitor.wiring;

import com.example.monitor.config.CamelOptions;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.PropertiesFileCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The camel.* values given with a {{placeholder}} ({@code --camel.server.port={{env:PORT}}}), checked
 * once Camel's properties can resolve them and before Camel binds them: resolved, a whole-number option
 * gets the launcher's check of a plain value (CamelOptions), and one Camel cannot resolve is named
 * without its text, where Camel's own error quoted the whole value.
 */
final class CamelPlaceholderValues extends MainListenerSupport {

    private final Map<String, String> arguments;

    /** {@code arguments}: the command line's {@code --key=value}. */
    CamelPlaceholderValues(Map<String, String> arguments) {
        this.arguments = new TreeMap<>(arguments);
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        List<String> problems = new ArrayList<>();
        arguments.forEach((key, value) -> check(properties, key, value)
                .forEach(problem -> problems.add("argument '--" + key + "=...': " + problem)));
        String file = MonitorWiring.WORKING_DIR_PROPERTIES.toAbsolutePath().normalize().toString();
        PropertiesFileCheck.values(MonitorWiring.WORKING_DIR_PROPERTIES).forEach((key, value) -> check(properties, key, value)
                .forEach(problem -> problems.add(file + ": " + key + ": " + problem)));
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static List<String> check(PropertiesComponent properties, String key, String value) {
        if (!key.startsWith("camel.") || !(value.contains("{{") || value.contains("}}"))) {
            return List.of();
        }
        String resolved;
        try {
            resolved = properties.parseUri(value);
        } catch (RuntimeException e) {
            return List.of("holds a {{placeholder}} Camel cannot resolve (a property or variable it names is not"
                    + " set, or a {{ or }} is unmatched)");
        }
        return CamelOptions.catalog().problem(key, resolved).map(problem -> problem + ", once resolved").stream()
                .toList();
    }
}

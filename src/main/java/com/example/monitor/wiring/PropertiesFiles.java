package com.example.monitor.wiring;

import com.example.monitor.config.SettingSource;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.LocationPropertiesSource;
import org.apache.camel.component.properties.PropertiesLocation;
import org.apache.camel.spi.LoadablePropertiesSource;

/**
 * The properties files Camel loaded (the jar's application.properties, ./application.properties),
 * each with the keys written in it, so a mistyped key can be named with the file it is in.
 */
final class PropertiesFiles {

    private PropertiesFiles() {
    }

    static List<SettingSource> loadedBy(CamelContext context) {
        return context.getPropertiesComponent().getPropertiesSources().stream()
                .filter(source -> source instanceof LocationPropertiesSource
                        && source instanceof LoadablePropertiesSource)
                .map(source -> new SettingSource(
                        describe(context, ((LocationPropertiesSource) source).getLocation()),
                        ((LoadablePropertiesSource) source).loadProperties().stringPropertyNames()))
                .filter(source -> !source.keys().isEmpty())
                .toList();
    }

    /** A file as its absolute path, a classpath resource as its URL (inside the jar: {@code jar:file:...!/}). */
    private static String describe(CamelContext context, PropertiesLocation location) {
        return switch (location.getResolver()) {
            case "file" -> Path.of(location.getPath()).toAbsolutePath().toString();
            case "classpath" -> {
                URL url = context.getClassResolver().loadResourceAsURL(location.getPath());
                yield url == null ? location.toString() : url.toString();
            }
            default -> location.toString();
        };
    }
}

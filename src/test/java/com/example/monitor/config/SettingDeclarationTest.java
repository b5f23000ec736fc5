package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.testing.Docs;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The properties table of docs/configuration.md and the shipped application.properties say exactly what the
 * {@link Setting} declaration says: same keys, same defaults, nothing extra.
 */
class SettingDeclarationTest {

    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*(monitor\\.[^\\s=:]+)");

    @Test
    void configurationPagePropertiesTableIsTheDeclarationRendered() {
        List<String> table = Docs.page("configuration.md").tableUnder("## Properties");

        assertThat(table).as("docs/configuration.md, ## Properties: replace the table with%n%s", String.join("\n",
                markdownTable())).containsExactlyElementsOf(markdownTable());
    }

    @Test
    void shippedApplicationPropertiesSetsEveryDeclaredSettingToItsDefaultAndNothingElse() throws IOException {
        String text = Docs.read(Docs.PROJECT.resolve("application.properties"));
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> shipped = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("monitor.")).sorted()
                .forEach(key -> shipped.put(key, properties.getProperty(key).strip()));
        Map<String, String> declared = new LinkedHashMap<>();
        Setting.all().stream().map(Setting::key).sorted()
                .forEach(key -> declared.put(key, Setting.find(key).orElseThrow().defaultValue()));

        assertThat(shipped).containsExactlyEntriesOf(declared);
        assertThat(text.lines().map(PROPERTY_LINE::matcher).filter(Matcher::find).map(m -> m.group(1)))
                .as("each setting written once").doesNotHaveDuplicates();
    }

    @Test
    void everyDeclaredSettingHasAUniqueKeyAValidDefaultAndAOneLineHelp() {
        assertThat(Setting.all()).extracting(Setting::key).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("monitor\\.[a-z0-9.-]+"));
        for (Setting<?> setting : Setting.all()) {
            assertThat(setting.help()).as(setting.key()).isNotBlank().doesNotContain("\n", "|");
            if (!setting.defaultValue().isEmpty()) {
                assertThat(setting.parser().apply(setting.defaultValue())).as(setting.key()).isNotNull();
            }
        }
    }

    /** The table as docs/configuration.md shows it; the test's failure message prints it for pasting. */
    static List<String> markdownTable() {
        List<String> rows = new ArrayList<>(List.of("| property | default | meaning |", "|---|---|---|"));
        Setting.all().forEach(setting -> rows.add("| `" + setting.key() + "` | "
                + (setting.defaultValue().isEmpty() ? "empty" : "`" + setting.defaultValue() + "`") + " | "
                + setting.help() + " |"));
        return rows;
    }
}

package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.BaseMainSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CamelOptionsTest {

    private final CamelOptions options = CamelOptions.catalog();

    /** Camel's TimeUtils reads each of these as 0, or fails on some; none is a number of seconds. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "12x", "1.5", "", "1e3", "ten", "0x10"})
    void aSecondsOptionRefusesWhatIsNotAWholeNumber(String value) {
        assertThat(options.problem("camel.main.shutdown-timeout", value))
                .hasValue("expects a whole number (Camel reads other text its own way: abc as 0, 30s as 30000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "-1", "2147483647"})
    void aSecondsOptionTakesAWholeNumberInItsRange(String value) {
        assertThat(options.problem("camel.main.duration-max-seconds", value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "10", "2147483647"})
    void theShutdownTimeoutTakesAPositiveNumberOfSeconds(String value) {
        assertThat(options.problem("camel.main.shutdown-timeout", value)).isEmpty();
    }

    /** Camel Main sets the shutdown timeout only when positive: 0 or -5 left Camel's own 45 s in place. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-5"})
    void aShutdownTimeoutCamelWouldSkipIsRefused(String value) {
        assertThat(options.problem("camel.main.shutdown-timeout", value)).hasValue("must be at least 1: Camel ignores a"
                + " smaller value without a word and keeps its own default");
        assertThat(options.problem("CAMEL_MAIN_SHUTDOWNTIMEOUT".toLowerCase().replace('_', '.'), value)).isPresent();
    }

    @Test
    void aUnitOnAnOptionThatDoesNotCountMillisecondsIsRefusedSinceCamelWouldReadItAsMilliseconds() {
        assertThat(options.problem("camel.main.shutdownTimeout", "30s")).hasValue("expects a whole number without a"
                + " unit: Camel reads a unit as milliseconds, and this option does not count milliseconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "500ms", "5s", "5m", "1h30m", "1d", "1m30s"})
    void aMillisecondsOptionTakesAWholeNumberOrADurationCamelReadsWhole(String value) {
        assertThat(options.problem("camel.routecontroller.back-off-delay", value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "5 s", "s5", "5sx", "1.5s"})
    void aMillisecondsOptionRefusesADurationCamelWouldReadOnlyInPart(String value) {
        assertThat(options.problem("camel.routecontroller.backOffDelay", value)).hasValue("expects a whole number of"
                + " milliseconds or a duration such as 500ms, 30s or 5m (Camel reads other text its own way: abc as 0)");
    }

    @Test
    void aNumberOutsideTheOptionsTypeIsRefusedWhereCamelWouldWrapItRound() {
        assertThat(options.problem("camel.server.port", "3000000000")).hasValue("is out of range for this option"
                + " (-2147483648 to 2147483647); Camel would wrap it round without a word");
        // an int option counting milliseconds: 30 days do not fit
        assertThat(options.problem("camel.startupcondition.timeout", "30d")).isPresent();
        assertThat(options.problem("camel.startupcondition.timeout", "20d")).isEmpty();
        // a long option takes it
        assertThat(options.problem("camel.routecontroller.back-off-delay", "3000000000")).isEmpty();
    }

    @Test
    void whiteSpaceAroundANumberIsRefusedSinceCamelKeepsItAndReadsZero() {
        assertThat(options.problem("camel.main.shutdown-timeout", "10 "))
                .hasValue("has white space around its value, which Camel keeps and then reads as 0; remove it");
        assertThat(options.problem("camel.main.shutdown-timeout", " 10")).isPresent();
        assertThat(options.problem("camel.main.shutdown-timeout", "1 0"))
                .hasValue("expects a whole number (Camel reads other text its own way: abc as 0, 30s as 30000)");
    }

    @Test
    void optionsThatAreNoWholeNumberAndPlaceholdersAreLeftToCamel() {
        assertThat(options.problem("camel.main.name", "abc")).isEmpty();
        assertThat(options.problem("camel.main.jmx-enabled", "maybe")).isEmpty();
        assertThat(options.problem("camel.main.no-such-option", "abc")).isEmpty();
        assertThat(options.problem("camel.main.shutdown-timeout", "{{shutdown.seconds}}")).isEmpty();
        // Camel resolves no ${...} in its options' values: it binds the text, as 0
        assertThat(options.problem("camel.main.shutdown-timeout", "${env:TIMEOUT}")).isPresent();
        assertThat(options.problem("monitor.fetch-size", "abc")).isEmpty();
    }

    @Test
    void theJarsOwnApplicationPropertiesPassesTheCheck() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            shipped.load(in);
        }

        assertThat(shipped.stringPropertyNames()).contains("camel.main.shutdown-timeout")
                .allSatisfy(key -> assertThat(options.problem(key, shipped.getProperty(key))).as(key).isEmpty())
                .allSatisfy(key -> assertThat(options.ignoredKeyProblem(key)).as(key).isEmpty())
                .allSatisfy(key -> assertThat(options.unknownOptionProblem(key)).as(key).isEmpty());
    }

    /** Camel binds each of these to shutdownTimeout; a different group or a group in capitals is not it. */
    @ParameterizedTest
    @ValueSource(strings = {"camel.main.shutdown-timeout", "camel.main.shutdownTimeout", "camel.main.shutdown.timeout",
        "camel.main.shutdown_timeout", "camel.main.SHUTDOWN-TIMEOUT", "camel.main.shutdowntimeout"})
    void everySpellingCamelBindsIsTheOneOption(String key) {
        assertThat(options.canonicalName(key)).hasValue("camel.main.shutdownTimeout");
        assertThat(options.problem(key, "30s")).isPresent();
    }

    @Test
    void anOptionIsFoundUnderItsOwnGroupOnly() {
        assertThat(options.canonicalName("camel.vault.aws.refresh-period")).hasValue("camel.vault.aws.refreshPeriod");
        assertThat(options.canonicalName("camel.MAIN.shutdown-timeout")).isEmpty();
        assertThat(options.canonicalName("camel.server.shutdown-timeout")).isEmpty();
        assertThat(options.canonicalName("camel.main.name")).hasValue("camel.main.name");
    }

    /** Camel stops at the first such key; found here, each is reported with every other problem at once. */
    @Test
    void aKeyUnderACatalogGroupThatNamesNoneOfItsOptionsIsNoSuchOption() {
        assertThat(options.unknownOptionProblem("camel.main.nosuch")).hasValue("Camel has no such option");
        assertThat(options.unknownOptionProblem("camel.SERVER.no-such")).hasValue("Camel has no such option");
        assertThat(options.unknownOptionProblem("camel.main.shutdown-timeout")).isEmpty();
        assertThat(options.unknownOptionProblem("camel.server.port")).isEmpty();
        // left to Camel: indexed and map options, groups the catalog does not list, sections Camel skips
        assertThat(options.unknownOptionProblem("camel.threadpool.config[x].pool-size")).isEmpty();
        assertThat(options.unknownOptionProblem("camel.rest.api-property.title")).isEmpty();
        assertThat(options.unknownOptionProblem("camel.component.sql.data-source")).isEmpty();
        assertThat(options.unknownOptionProblem("camel.MAIN.nosuch")).isEmpty();
    }

    /** Camel Main matches camel.main as written and most other groups in any case, after dashes to camelCase. */
    @Test
    void aGroupIsMatchedAsCamelMatchesIt() {
        assertThat(options.problem("camel.SERVER.port", "abc")).isPresent();
        assertThat(options.canonicalName("camel.route-controller.back-off-delay"))
                .hasValue("camel.routecontroller.backOffDelay");
        assertThat(options.problem("camel.Route-Controller.back-off-delay", "5x")).isPresent();
        assertThat(options.canonicalName("camel.startup-condition.timeout")).isEmpty();
    }

    /** Each of these Camel Main skips without a word (camel.MAIN and camel.startup-condition measured, exit 0). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "camel.mian.name | camel.mian | camel.main.name",
        "camel.MAIN.shutdown-timeout | camel.MAIN | camel.main.shutdown-timeout",
        "camel.startup-condition.timeout | camel.startup-condition | camel.startupcondition.timeout",
        "camel.data-format.json.pretty-print | camel.data-format | camel.dataformat.json.pretty-print",
        "camel.helth.enabled | camel.helth | camel.health.enabled",
        "camel.componet.sql.data-source | camel.componet | camel.component.sql.data-source"})
    void aKeyInASectionCamelDoesNotReadButNearlyDoesIsRefusedWithTheKeyMeant(String key, String section, String meant) {
        assertThat(options.ignoredKeyProblem(key)).hasValue("Camel reads no " + section + ".* options and would ignore"
                + " this key without a word; did you mean " + meant + "?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"camel.main.name", "camel.SERVER.port", "camel.route-controller.enabled", "camel.thread-pool.pool-size",
        "camel.component.sql.data-source", "camel.routeTemplate[0].template-id", "camel.kamelet.my.topic",
        "camel.beans.pool", "camel.vault.aws.region", "camel.jbang.version", "camel.my-team.setting", "camel.k.x",
        "monitor.mian.name"})
    void aKeyCamelReadsOrThatIsFarFromEveryCamelSectionIsLeftAlone(String key) {
        assertThat(options.ignoredKeyProblem(key)).isEmpty();
    }

    /**
     * Camel Main's own list of the sections it reads besides main, component, dataformat, language and
     * startupcondition: a Camel upgrade that reads another one fails here until the list above has it.
     */
    @Test
    void theSectionsAreCamelMainsOwn() throws ReflectiveOperationException {
        Field field = BaseMainSupport.class.getDeclaredField("GROUP_PREFIXES");
        field.setAccessible(true);

        assertThat((String[]) field.get(null)).isNotEmpty()
                .allSatisfy(prefix -> assertThat(options.ignoredKeyProblem(prefix + (prefix.endsWith(".") ? "" : ".") + "x"))
                        .as(prefix).isEmpty());
    }

    /** As Camel Main maps them: upper-cased, underscores for dots, Kubernetes' service variables left out. */
    @Test
    void environmentVariablesAreNamedAsGivenAndCheckedUnderCamelsMapping() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CAMEL_MAIN_SHUTDOWN_TIMEOUT", "30s");
        environment.put("camel_main_durationmaxseconds", "abc");
        environment.put("CAMEL_SERVER_PORT", "8080");
        environment.put("CAMEL_MAIN_SHUTDOWNTIMEOUT_PORT", "abc");
        environment.put("PATH", "/usr/bin");

        assertThat(options.environmentProblems(environment)).containsExactly(
                "environment variable CAMEL_MAIN_SHUTDOWN_TIMEOUT: expects a whole number without a unit: Camel reads"
                        + " a unit as milliseconds, and this option does not count milliseconds",
                "environment variable camel_main_durationmaxseconds: expects a whole number (Camel reads other text its"
                        + " own way: abc as 0, 30s as 30000)");
    }

    @Test
    void systemPropertiesAreCheckedToo() {
        Properties system = new Properties();
        system.setProperty("camel.main.shutdown-timeout", "1.5");
        system.setProperty("java.version", "17");

        system.setProperty("camel.mian.name", "x");

        assertThat(options.systemPropertyProblems(system)).containsExactly("system property -Dcamel.main.shutdown-timeout:"
                + " expects a whole number (Camel reads other text its own way: abc as 0, 30s as 30000)",
                "system property -Dcamel.mian.name: Camel reads no camel.mian.* options and would ignore this key without"
                        + " a word; did you mean camel.main.name?");
    }
}

package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor.* properties: defaults, accepted forms, and one problem line per bad value. */
class MonitorSettingsReaderTest {

    /** The process environment of the ${env:...} tests. */
    private static final Map<String, String> ENVIRONMENT = Map.of("MONITOR_HTTP_TOKEN", "from-env", "DAYS", "9");

    @TempDir
    Path dir;

    @Test
    void defaultsAreAOneShotRunOverThirtyDaysWithBoundedTimeouts() {
        MonitorSettings settings = read(Map.of());

        assertThat(settings.databasesFile()).isEqualTo(Path.of("databases.yaml"));
        assertThat(settings.outputDir()).isEqualTo(Path.of("output"));
        assertThat(settings.mode()).isEqualTo(RunMode.ONCE);
        assertThat(settings.results()).isEqualTo(ResultsMode.MEMORY);
        assertThat(settings.values().get(Setting.CORE_ROUTES)).contains(CoreRoutes.JAR);
        assertThat(settings.schedule()).isNull();
        assertThat(settings.inboxDir()).isNull();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.queryTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.fetchSize()).isEqualTo(1000);
        assertThat(settings.parallelismFor(7)).isEqualTo(7);
        assertThat(settings.values().get(Setting.KERBEROS_RENEW_BEFORE)).hasValue(Duration.ofMinutes(10));
        assertThat(settings.values().get(Setting.CLUSTER_NAMESPACE)).contains("client-activity-monitor");
    }

    @Test
    void clusterNamespaceTakesOnlyNamesEveryClusterServiceAccepts() {
        assertThat(read(Map.of("monitor.cluster.namespace", "monitor-eu.prod")).values()
                .get(Setting.CLUSTER_NAMESPACE)).contains("monitor-eu.prod");
        assertThatThrownBy(() -> read(Map.of("monitor.cluster.namespace", "Monitor/EU")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.cluster.namespace: 'Monitor/EU' is not a namespace; use lower-case"
                                + " letters, digits, '-' and '.', starting and ending with a letter or digit"));
    }

    @Test
    void everyDeclaredSettingIsReadableByItsDeclaration() {
        MonitorSettings settings = read(Map.of("monitor.query-timeout", "5m"));

        assertThat(settings.values().get(Setting.QUERY_TIMEOUT)).contains(Duration.ofMinutes(5));
        assertThat(settings.values().get(Setting.FETCH_SIZE)).contains(1000);
        assertThat(settings.values().get(Setting.SCHEDULE)).isEmpty();
    }

    @Test
    void defaultStartDateIsMidnightLookbackDaysAgoInTheConfiguredZone() {
        MonitorSettings settings = read(Map.of("monitor.zone", "Asia/Tokyo", "monitor.lookback-days", "7"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T16:30:00Z"), ZoneId.of("UTC"));

        // 16:30 UTC is already 01:30 on the 29th in Tokyo
        assertThat(settings.startDate().resolve(clock)).isEqualTo(LocalDateTime.parse("2026-11-22T00:00:00"));
    }

    @Test
    void httpServerIsOffUnlessAPortIsSetAndRunsInServiceModeOnly() {
        assertThat(read(Map.of("monitor.mode", "service")).httpEnabled()).isFalse();
        assertThat(read(Map.of("monitor.http.port", "8080")).httpEnabled()).as("once mode").isFalse();
        MonitorSettings service = read(Map.of("monitor.mode", "service", "monitor.http.port", "0",
                "monitor.http.token", "t0ken"));
        assertThat(service.httpEnabled()).isTrue();
        assertThat(service.http().host()).isEqualTo("127.0.0.1");
        assertThat(service.http().token().toString()).doesNotContain("t0ken");
    }

    @Test
    void httpOnANetworkAddressWithoutATokenOrAllowedHostsAndABadPortAreRefusedOneLineEach() {
        assertThatThrownBy(() -> read(Map.of("monitor.mode", "service", "monitor.http.port", "70000",
                "monitor.http.host", "0.0.0.0")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "monitor.http.port: '70000' is not a port number (0-65535; 0 picks a free port)",
                                "monitor.http.host: '0.0.0.0' is reachable from the network; set monitor.http.token"
                                        + " (from the environment: {{env:MONITOR_HTTP_TOKEN}}) or bind to 127.0.0.1",
                                "monitor.http.allowed-hosts: the server listens on '0.0.0.0', beyond this machine;"
                                        + " list the names clients reach it by (monitor.example.com), or * for any"));
    }

    @Test
    void httpOnALoopbackNameNeedsNoToken() {
        assertThat(read(Map.of("monitor.mode", "service", "monitor.http.port", "8080", "monitor.http.host", "localhost"))
                .httpEnabled()).isTrue();
    }

    @Test
    void httpOnANetworkAddressIsAcceptedWithATokenAndAllowedHosts() {
        assertThat(read(Map.of("monitor.mode", "service", "monitor.http.port", "8080", "monitor.http.host", "0.0.0.0",
                "monitor.http.token", "t0ken", "monitor.http.allowed-hosts", "monitor.example.com")).http().hasToken())
                .isTrue();
    }

    @Test
    void aLoopbackBindAllowsTheLoopbackNamesOnly() {
        HttpSettings loopback = read(Map.of("monitor.mode", "service", "monitor.http.port", "8080")).http();

        assertThat(loopback.allowsHost("localhost")).isTrue();
        assertThat(loopback.allowsHost("[::1]")).isTrue();
        assertThat(loopback.allowsHost("rebound.evil.example")).isFalse();
    }

    @Test
    void aNetworkBindAllowsOnlyTheListedHostsWhateverTheirCase() {
        HttpSettings network = read(Map.of("monitor.mode", "service", "monitor.http.port", "8080", "monitor.http.host",
                "0.0.0.0", "monitor.http.token", "t0ken", "monitor.http.allowed-hosts", "Monitor.Example.com, 10.0.0.5")).http();

        assertThat(network.allowsHost("monitor.example.com")).isTrue();
        assertThat(network.allowsHost("10.0.0.5")).isTrue();
        assertThat(network.allowsHost("localhost")).isFalse();
    }

    @Test
    void aStarInTheAllowedHostsAllowsAnyHost() {
        assertThat(read(Map.of("monitor.mode", "service", "monitor.http.port", "8080", "monitor.http.host", "0.0.0.0",
                "monitor.http.token", "t0ken", "monitor.http.allowed-hosts", "*")).http().allowsHost("anything.example"))
                .isTrue();
    }

    @Test
    void anAllowedHostWithAPortIsRefused() {
        assertThatThrownBy(() -> read(Map.of("monitor.http.allowed-hosts", "monitor.example.com:8080")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("monitor.http.allowed-hosts: 'monitor.example.com:8080'"
                                + " is not a host name"));
    }

    @Test
    void startDateAndLookbackDaysHaveTheBoundsOfARunRequest() {
        assertThatThrownBy(() -> read(Map.of("monitor.start-date", "1899-12-31", "monitor.lookback-days", "36501")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder("monitor.start-date: '1899-12-31' is outside the years 1900 to 9999",
                                "monitor.lookback-days: '36501' is not a whole number from 0 to 36500"));
        assertThatThrownBy(() -> read(Map.of("monitor.lookback-days", "2147483647")))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThat(read(Map.of("monitor.lookback-days", "36500")).startDate().lookbackDays()).isEqualTo(36500);
    }

    @Test
    void startDateTakesAnIsoDateOrDateTime() {
        assertThat(read(Map.of("monitor.start-date", "2026-10-01")).startDate().fixed())
                .isEqualTo(LocalDateTime.parse("2026-10-01T00:00:00"));
        assertThat(read(Map.of("monitor.start-date", "2026-10-01T06:30:00")).startDate().fixed())
                .isEqualTo(LocalDateTime.parse("2026-10-01T06:30:00"));
    }

    @Test
    void startDateMayBeWrittenWithASpaceAsSqlDeveloperShowsIt() {
        assertThat(read(Map.of("monitor.start-date", "2026-10-01 06:30:00")).startDate().fixed())
                .isEqualTo(LocalDateTime.parse("2026-10-01T06:30:00"));
    }

    @Test
    void housekeepingAndTeamRouteSettingsHaveSafeDefaults() {
        MonitorSettings settings = read(Map.of());

        assertThat(settings.keepReports()).isNull();
        assertThat(settings.reportPermissions()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(settings.extensionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.scheduleAtStart()).isFalse();
    }

    @Test
    void keepReportsAndReportPermissionsTakeADurationAndAPermissionString() {
        MonitorSettings settings = read(Map.of("monitor.keep-reports", "90d", "monitor.report-permissions", "rw-r-----",
                "monitor.schedule-at-start", "true", "monitor.extension-timeout", "30s"));

        assertThat(settings.keepReports()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.reportPermissions()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(settings.scheduleAtStart()).isTrue();
        assertThat(settings.extensionTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void malformedHousekeepingSettingsAreRefusedOneLineEach() {
        assertThatThrownBy(() -> read(Map.of("monitor.keep-reports", "forever", "monitor.report-permissions", "0640",
                "monitor.schedule-at-start", "yes")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .satisfiesExactlyInAnyOrder(
                                line -> assertThat(line).startsWith("monitor.keep-reports: 'forever' is not a duration"),
                                line -> assertThat(line).isEqualTo(
                                        "monitor.report-permissions: '0640' is not a permission string like rw-r-----"),
                                line -> assertThat(line).isEqualTo("monitor.schedule-at-start: 'yes' is not true or false")));
    }

    @Test
    void reportPermissionsThatDenyTheOwnerReadOrWriteAreRefused() {
        assertThatThrownBy(() -> read(Map.of("monitor.report-permissions", "r--r--r--")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.report-permissions: 'r--r--r--' must let the owner read and write"
                                + " (start with rw-)"));
    }

    /** rwxrwxrwx was taken: reports with client data, executable and writable by every user. */
    @Test
    void reportPermissionsThatMakeReportsExecutableOrWritableByEveryoneAreRefused() {
        assertThatThrownBy(() -> read(Map.of("monitor.report-permissions", "rwxr-----")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.report-permissions: 'rwxr-----' makes reports executable; reports are"
                                + " data: use r and w only, e.g. rw-r-----"));
        assertThatThrownBy(() -> read(Map.of("monitor.report-permissions", "rw-rw-rw-")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.report-permissions: 'rw-rw-rw-' lets every user of the machine change a"
                                + " report; leave others without w, e.g. rw-r-----"));
        assertThat(read(Map.of("monitor.report-permissions", "rw-rw-r--")).values().get(Setting.REPORT_PERMISSIONS))
                .hasValue(PosixFilePermissions.fromString("rw-rw-r--"));
    }

    @Test
    void maxParallelDatabasesCapsTheThreads() {
        MonitorSettings settings = read(Map.of("monitor.max-parallel-databases", "2"));

        assertThat(settings.parallelismFor(5)).isEqualTo(2);
        assertThat(settings.parallelismFor(1)).isEqualTo(1);
    }

    @Test
    void coreRoutesComeFromTheJarOrTheWorkingDirectory() {
        assertThat(read(Map.of("monitor.core-routes", "working-dir")).values().get(Setting.CORE_ROUTES))
                .contains(CoreRoutes.WORKING_DIR);
        assertThat(read(Map.of("monitor.core-routes", "JAR")).values().get(Setting.CORE_ROUTES))
                .contains(CoreRoutes.JAR);
    }

    @Test
    void scheduleIsACronExpressionOrAPeriod() {
        Schedule cron = read(Map.of("monitor.schedule", "0 0 6 * * ?")).schedule();
        Schedule period = read(Map.of("monitor.schedule", "30m")).schedule();

        assertThat(cron.endpointUri()).isEqualTo("quartz:monitor/schedule?cron=0+0+6+*+*+?");
        assertThat(period.endpointUri())
                .isEqualTo("timer:monitor-schedule?synchronous=true&fixedRate=false&delay=1800000&period=1800000");
    }

    @Test
    void aQueryTimeoutOfPartSecondsIsRefusedSinceJdbcCountsWholeSeconds() {
        assertThatThrownBy(() -> read(Map.of("monitor.query-timeout", "PT0.5S")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "monitor.query-timeout: 'PT0.5S' is not whole seconds: JDBC drivers time a query out in whole"
                                + " seconds; write 1s"));
        assertThat(read(Map.of("monitor.query-timeout", "90000ms")).values().get(Setting.QUERY_TIMEOUT))
                .contains(Duration.ofSeconds(90));
    }

    /** 106752000000d passed, then overflowed at every connection; 1ms would cut off every real client. */
    @Test
    void httpWaitsOutsideOneSecondToOneHourAndDurationsNoTimerCanCountAreRefused() {
        assertThatThrownBy(() -> read(Map.of("monitor.http.header-timeout", "106752000000d",
                "monitor.http.body-timeout", "1ms", "monitor.query-timeout", "106752000000d")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "monitor.http.header-timeout: '106752000000d' is too long to count in milliseconds, as"
                                        + " the timers do",
                                "monitor.http.body-timeout: '1ms' is not between 1s and 1h",
                                "monitor.query-timeout: '106752000000d' is too long to count in milliseconds, as the"
                                        + " timers do"));
        assertThatThrownBy(() -> read(Map.of("monitor.http.header-timeout", "2h")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.http.header-timeout: '2h' is not between 1s and 1h"));
        assertThat(read(Map.of("monitor.http.header-timeout", "1h")).http().headerTimeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyBadValueIsReportedAtOnceWithWhatIsAccepted() {
        assertThatThrownBy(() -> read(Map.of(
                "monitor.start-date", "yesterday",
                "monitor.query-timeout", "forever",
                "monitor.fetch-size", "0",
                "monitor.mode", "daemon",
                "monitor.results", "disk",
                "monitor.core-routes", "src",
                "monitor.schedule", "every day",
                "monitor.zone", "Mars/Base")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "monitor.start-date: 'yesterday' is not a date; use 2026-10-01,"
                                        + " 2026-10-01T06:00:00 or 2026-10-01 06:00:00",
                                "monitor.query-timeout: 'forever' is not a duration; use e.g. 15s, 10m, 1h or"
                                        + " ISO-8601 PT15S",
                                "monitor.fetch-size: '0' is not a whole number >= 1",
                                "monitor.mode: 'daemon' is not a mode; use once or service",
                                "monitor.results: 'disk' is not a results mode; use memory or stream",
                                "monitor.core-routes: 'src' is not a place for the core routes; use jar or"
                                        + " working-dir",
                                "monitor.schedule: 'every day' is not a Quartz cron expression (seconds minutes"
                                        + " hours day-of-month month day-of-week, e.g. 0 0 6 * * ?)",
                                "monitor.zone: 'Mars/Base' is not a time zone; use e.g. Europe/Paris or UTC"));
    }

    @Test
    void unknownKeysOfEverySourceAreRefusedTogetherWithBadValues() {
        Map<String, String> properties = Map.of("monitor.fetch-size", "0");
        List<SettingSource> sources = List.of(
                new SettingSource("jar:file:/opt/monitor.jar!/application.properties",
                        Set.of("monitor.mode", "monitor.modes")),
                new SettingSource("/srv/monitor/application.properties",
                        Set.of("monitor.query-timout", "monitor.fetch-size", "camel.main.name")));

        assertThatThrownBy(() -> new MonitorSettingsReader(key -> Optional.ofNullable(properties.get(key)), sources)
                .read())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "jar:file:/opt/monitor.jar!/application.properties: unknown setting monitor.modes;"
                                        + " did you mean monitor.mode?",
                                "/srv/monitor/application.properties: unknown setting monitor.query-timout;"
                                        + " did you mean monitor.query-timeout?",
                                "monitor.fetch-size: '0' is not a whole number >= 1"));
    }

    @Test
    void keysThatAreAllDeclaredAreAccepted() {
        List<SettingSource> sources = List.of(new SettingSource("application.properties",
                Set.of("monitor.query-timeout", "camel.main.name")));

        assertThat(new MonitorSettingsReader(key -> Optional.empty(), sources).read().queryTimeout())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void outputDirThatCannotHoldReportsIsRefusedBeforeAnyRun() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> read(Map.of("monitor.output-dir", file.resolve("reports").toString())))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.output-dir: cannot write reports to " + file.resolve("reports")
                                + " (" + file + " is not a writable folder)"));
    }

    @Test
    void anOutputDirWhoseNameIsTooLongForTheFileSystemIsRefusedBeforeAnyRun() {
        // the missing folder's lstat fails with ENAMETOOLONG, not ENOENT: it could never be made, and
        // without this the run did all its work and then could not write its report (exit 1)
        Path tooLong = dir.resolve("r".repeat(300));
        Path inboxTooLong = dir.resolve("i".repeat(300)).resolve("inbox");

        assertThatThrownBy(() -> read(Map.of("monitor.output-dir", tooLong.toString(), "monitor.mode", "service",
                "monitor.inbox-dir", inboxTooLong.toString())))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "monitor.output-dir: cannot write reports to " + tooLong + " (File name too long)",
                                "monitor.inbox-dir: cannot take requests from " + inboxTooLong
                                        + " (File name too long)"));
    }

    @Test
    void anOutputDirNotThereYetIsAcceptedAndNotCreatedByReadingTheSettings() {
        assertThat(read(Map.of("monitor.output-dir", dir.resolve("new/reports").toString())).outputDir())
                .isEqualTo(dir.resolve("new/reports"));
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void aDanglingLinkAsAFolderIsRefusedWithTheMessageOfAnUnwritableFolder() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path dangling = Files.createSymbolicLink(dir.resolve("reports"), dir.resolve("gone"));
        Path danglingInbox = Files.createSymbolicLink(dir.resolve("inbox"), dir.resolve("gone-too"));

        assertThatThrownBy(() -> read(Map.of("monitor.output-dir", dangling.toString(),
                "monitor.inbox-dir", danglingInbox.toString())))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "monitor.output-dir: cannot write reports to " + dangling + " (" + dangling
                                        + " is not a writable folder)",
                                "monitor.inbox-dir: cannot take requests from " + danglingInbox + " (" + danglingInbox
                                        + " is not a writable folder)"));
        assertThatThrownBy(() -> read(Map.of("monitor.output-dir", notAFolder.toString())))
                .hasMessageContaining("cannot write reports to " + notAFolder + " (" + notAFolder
                        + " is not a writable folder)");
    }

    @Test
    void anInboxThatIsHoldsOrLiesInTheOutputFolderIsRefused() throws Exception {
        Path output = Files.createDirectories(dir.resolve("output"));
        Path linkedToOutput = Files.createSymbolicLink(dir.resolve("inbox-link"), output);
        Map<String, String> inboxAndOutput = Map.of(
                output.toString(), "is the output folder",
                dir.resolve("output/../output/").toString(), "is the output folder",
                linkedToOutput.toString(), "is the output folder",
                output.resolve("requests").toString(), "is inside the output folder",
                dir.toString(), "holds the output folder");
        inboxAndOutput.forEach((inbox, where) -> assertThatThrownBy(() -> read(Map.of(
                "monitor.output-dir", output.toString(), "monitor.inbox-dir", inbox)))
                .as(inbox)
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("monitor.inbox-dir: " + Path.of(inbox).toAbsolutePath() + " " + where
                                + " (monitor.output-dir=" + output + "); give requests and reports folders apart")));
        assertThat(read(Map.of("monitor.output-dir", output.toString(),
                "monitor.inbox-dir", dir.resolve("output-requests").toString())).inboxDir())
                .isEqualTo(dir.resolve("output-requests"));
    }

    @Test
    void dollarEnvReferencesResolveInEverySettingAndInWhatRoutesRead() {
        MonitorSettingsReader reader = new MonitorSettingsReader(key -> Optional.ofNullable(Map.of(
                "monitor.http.token", "${env:MONITOR_HTTP_TOKEN}", "monitor.lookback-days", "${env:DAYS}").get(key)),
                List.of(), ENVIRONMENT::get);
        MonitorSettings settings = reader.read();
        assertThat(settings.http().token().value()).isEqualTo("from-env");
        assertThat(settings.startDate().lookbackDays()).isEqualTo(9);
        assertThat(reader.substituted()).as("what {{monitor.x}} in a route then reads")
                .containsExactlyInAnyOrderEntriesOf(Map.of("monitor.http.token", "from-env", "monitor.lookback-days", "9"));
    }

    @Test
    void anUnsetVariableAndADollarReferenceThatIsNotEnvAreProblemsNamingKeyAndVariable() {
        assertThatThrownBy(() -> new MonitorSettingsReader(key -> Optional.ofNullable(Map.of(
                "monitor.http.token", "${env:NOT_SET}", "monitor.zone", "${ZONE}").get(key)), List.of(), ENVIRONMENT::get).read())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "monitor.zone: a '${...}' that is not ${env:NAME}; write ${env:NAME} or {{env:NAME}} for an"
                                + " environment variable",
                        "monitor.http.token: environment variable NOT_SET is not set"));
    }

    private static MonitorSettings read(Map<String, String> properties) {
        return new MonitorSettingsReader(key -> Optional.ofNullable(properties.get(key))).read();
    }
}

package com.example.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.MonitorSettingsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import oracle.jdbc.OracleConnection;
import oracle.jdbc.OracleDriver;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.DriverConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Oracle pool as built from databases.yaml variants, checked on the real DBCP2 and ojdbc11 classes.
 * No server is contacted: {@link TrackedDataSource#createConnectionFactory()} is what DBCP calls on the first
 * borrow, and its {@link DriverConnectionFactory} holds the driver DBCP picked for the URL and the exact
 * {@link Properties} it will hand to {@code Driver.connect}.
 */
class OracleDataSourceTest {

    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(15);
    private static final Duration DEFAULT_QUERY = Duration.ofMinutes(30);
    private static final int FETCH_SIZE = 2500;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();

    @Test
    void ezConnectUrlIsBuiltFromHostAndServiceNameWithTheDefaultPortAndTheDriverAcceptsIt() throws Exception {
        DatabaseConfig database = load("""
                    host: accountdb.example.com
                    service_name: ACCOUNTS
                    auth: kerberos
                """);

        TrackedDataSource pool = factory().create(database);

        assertThat(pool.getUrl()).isEqualTo("jdbc:oracle:thin:@//accountdb.example.com:1521/ACCOUNTS");
        assertThat(new OracleDriver().acceptsURL(pool.getUrl())).isTrue();
        DriverConnectionFactory driver = driverFactory(pool);
        assertThat(driver.getDriver()).isInstanceOf(OracleDriver.class);
        assertThat(driver.getConnectionString()).isEqualTo("jdbc:oracle:thin:@//accountdb.example.com:1521/ACCOUNTS");
    }

    @Test
    void ezConnectUrlUsesTheGivenPort() throws Exception {
        DatabaseConfig database = load("""
                    host: 10.1.2.3
                    port: 1600
                    service_name: svc.example.com
                    auth: kerberos
                """);

        String url = factory().create(database).getUrl();

        assertThat(url).isEqualTo("jdbc:oracle:thin:@//10.1.2.3:1600/svc.example.com");
        assertThat(new OracleDriver().acceptsURL(url)).isTrue();
    }

    @Test
    void ezConnectPlusParametersInTheUrlAreKeptAndAcceptedByTheDriver() throws Exception {
        String url = "jdbc:oracle:thin:@//clientdb.example.com:1521/CLIENTS?connect_timeout=5&retry_count=2";
        DatabaseConfig database = load("""
                    url: "%s"
                    auth: kerberos
                """.formatted(url));

        TrackedDataSource pool = factory().create(database);

        assertThat(pool.getUrl()).isEqualTo(url);
        assertThat(new OracleDriver().acceptsURL(url)).isTrue();
        assertThat(driverFactory(pool).getConnectionString()).isEqualTo(url);
    }

    @Test
    void kerberosPoolHandsTheDriverExactlyTheTimeoutPrefetchAndKerberosPropertiesAndNoCredentials() throws Exception {
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    kerberos:
                      ccache: /var/run/monitor/krb5cc_monitor
                    connect_timeout: 7s
                    sql_queries:
                      - name: Short
                        query_location: sql/q.sql
                        timeout: 10m
                      - name: Long
                        query_location: sql/q.sql
                        timeout: 45m
                        fetch_size: 50
                """, false);

        TrackedDataSource pool = factory().create(database);

        Properties sent = driverFactory(pool).getProperties();
        assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of(
                "oracle.net.CONNECT_TIMEOUT", "7000",
                "oracle.net.OUTBOUND_CONNECT_TIMEOUT", "7000",
                "oracle.jdbc.loginTimeout", "7",
                // 45 min, the longest query timeout of the database, plus the 30 s margin
                "oracle.jdbc.ReadTimeout", Long.toString(Duration.ofMinutes(45).plusSeconds(30).toMillis()),
                "defaultRowPrefetch", Integer.toString(FETCH_SIZE),
                "oracle.net.authentication_services", "(KERBEROS5)",
                "oracle.net.kerberos5_mutual_authentication", "true",
                "oracle.net.kerberos5_cc_name", "/var/run/monitor/krb5cc_monitor"));
        assertThat(sent).doesNotContainKeys("user", "password");
        assertThat(pool.getUsername()).isNull();
        assertThat(pool.getPassword()).isNull();
        assertThat(pool.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(7));
        assertThat(pool.getDefaultReadOnly()).isTrue();
        assertThat(pool.getDefaultQueryTimeoutDuration()).isEqualTo(DEFAULT_QUERY);
    }

    @Test
    void publicConnectionPropertiesAreTheOnesTheDriverReceives() throws Exception {
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                """);
        DataSourceFactory factory = factory();

        Map<String, String> computed = factory.connectionProperties(database, Dialect.ORACLE,
                factory.connectTimeout(database));

        assertThat(computed).containsExactly(
                entry("oracle.net.CONNECT_TIMEOUT", "15000"),
                entry("oracle.net.OUTBOUND_CONNECT_TIMEOUT", "15000"),
                entry("oracle.jdbc.loginTimeout", "15"),
                entry("oracle.jdbc.ReadTimeout", Long.toString(DEFAULT_QUERY.plusSeconds(30).toMillis())),
                entry("defaultRowPrefetch", Integer.toString(FETCH_SIZE)),
                entry("oracle.net.authentication_services", "(KERBEROS5)"),
                entry("oracle.net.kerberos5_mutual_authentication", "true"),
                entry("oracle.net.kerberos5_cc_name", "/tmp/krb5cc_" + uid()));
        assertThat(driverFactory(factory.create(database)).getProperties()).containsExactlyInAnyOrderEntriesOf(computed);
        assertThat(factory.create(database).getMaxWaitDuration()).isEqualTo(DEFAULT_CONNECT);
    }

    @Test
    void propertyNamesAreTheOnesOjdbc11Defines() {
        assertThat(List.of(
                OracleConnection.CONNECTION_PROPERTY_THIN_NET_CONNECT_TIMEOUT,
                OracleConnection.CONNECTION_PROPERTY_THIN_OUTBOUND_CONNECT_TIMEOUT,
                OracleConnection.CONNECTION_PROPERTY_LOGIN_TIMEOUT,
                OracleConnection.CONNECTION_PROPERTY_THIN_READ_TIMEOUT,
                OracleConnection.CONNECTION_PROPERTY_DEFAULT_ROW_PREFETCH))
                .containsExactlyElementsOf(Dialect.ORACLE.timeoutProperties(DEFAULT_CONNECT, DEFAULT_QUERY, 1)
                        .keySet());
        DatabaseConfig kerberos = new DatabaseConfig("db", "jdbc:oracle:thin:@//h:1521/s",
                com.example.monitor.config.AuthMode.KERBEROS, null, null, null, Map.of(), null, List.of());
        assertThat(new KerberosSettings(environment::get).connectionProperties(kerberos).keySet()).containsExactly(
                OracleConnection.CONNECTION_PROPERTY_THIN_NET_AUTHENTICATION_SERVICES,
                OracleConnection.CONNECTION_PROPERTY_THIN_NET_AUTHENTICATION_KRB5_MUTUAL,
                OracleConnection.CONNECTION_PROPERTY_THIN_NET_AUTHENTICATION_KRB5_CC_NAME);
    }

    @Test
    void ticketCacheComesFromKrb5ccnameWithItsFilePrefixStrippedWhenTheYamlGivesNone() throws Exception {
        environment.put("KRB5CCNAME", "FILE:/run/user/1000/krb5cc_env");
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                """);

        Properties sent = driverFactory(factory().create(database)).getProperties();

        assertThat(sent.getProperty("oracle.net.kerberos5_cc_name")).isEqualTo("/run/user/1000/krb5cc_env");
    }

    @Test
    void ticketCacheFromTheYamlWinsOverKrb5ccnameAndLosesItsFilePrefix() throws Exception {
        environment.put("KRB5CCNAME", "/tmp/from_env");
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    kerberos:
                      ccache: FILE:/tmp/from_yaml
                """);

        Properties sent = driverFactory(factory().create(database)).getProperties();

        assertThat(sent.getProperty("oracle.net.kerberos5_cc_name")).isEqualTo("/tmp/from_yaml");
    }

    @Test
    void withoutCcacheOrKrb5ccnameTheMitDefaultOfTheCurrentUidIsUsed() throws Exception {
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                """);

        Properties sent = driverFactory(factory().create(database)).getProperties();

        assertThat(sent.getProperty("oracle.net.kerberos5_cc_name")).isEqualTo("/tmp/krb5cc_" + uid());
    }

    @Test
    void userPropertiesOverrideTheDefaultsAndAreAddedToThem() throws Exception {
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    properties:
                      oracle.net.disableOob: "true"
                      defaultRowPrefetch: "200"
                      oracle.net.authentication_services: KERBEROS5
                      oracle.jdbc.ReadTimeout: "90000"
                """);

        Properties sent = driverFactory(factory().create(database)).getProperties();

        assertThat(sent).contains(entry("oracle.net.disableOob", "true"), entry("defaultRowPrefetch", "200"),
                entry("oracle.net.authentication_services", "KERBEROS5"), entry("oracle.jdbc.ReadTimeout", "90000"),
                entry("oracle.net.CONNECT_TIMEOUT", "15000"));
    }

    @Test
    void passwordPoolPassesUsernameAndPasswordToTheDriverAndNoKerberosProperties() throws Exception {
        environment.put("ACCOUNT_DB_PASSWORD", "pw-from-env");
        DatabaseConfig database = load("""
                    host: accountdb.example.com
                    service_name: ACCOUNTS
                    auth: password
                    username: monitor
                    password: ${env:ACCOUNT_DB_PASSWORD}
                """);

        TrackedDataSource pool = factory().create(database);

        assertThat(pool.getUsername()).isEqualTo("monitor");
        assertThat(pool.getPassword()).isEqualTo("pw-from-env");
        Properties sent = driverFactory(pool).getProperties();
        assertThat(sent).contains(entry("user", "monitor"), entry("password", "pw-from-env"),
                entry("defaultRowPrefetch", Integer.toString(FETCH_SIZE)));
        assertThat(sent.stringPropertyNames()).noneMatch(name -> name.contains("kerberos")
                || name.contains("authentication_services"));
    }

    @Test
    void subSecondConnectTimeoutIsNeverRoundedDownToNoLoginTimeout() throws Exception {
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    connect_timeout: 500ms
                """);

        Properties sent = driverFactory(factory().create(database)).getProperties();

        assertThat(sent).contains(entry("oracle.net.CONNECT_TIMEOUT", "500"),
                entry("oracle.net.OUTBOUND_CONNECT_TIMEOUT", "500"), entry("oracle.jdbc.loginTimeout", "1"));
    }

    @Test
    void krb5ConfFromTheYamlBecomesTheJvmProperty() throws Exception {
        DatabaseConfig database = load("""
                    host: clientdb.example.com
                    service_name: CLIENTS
                    auth: kerberos
                    kerberos:
                      krb5_conf: /etc/monitor/krb5.conf
                """);
        String before = System.getProperty("java.security.krb5.conf");
        try {
            factory().create(database);

            assertThat(System.getProperty("java.security.krb5.conf")).isEqualTo("/etc/monitor/krb5.conf");
        } finally {
            if (before == null) {
                System.clearProperty("java.security.krb5.conf");
            } else {
                System.setProperty("java.security.krb5.conf", before);
            }
        }
    }

    private DataSourceFactory factory() {
        Map<String, String> properties = Map.of("monitor.connect-timeout", "15s", "monitor.query-timeout", "30m",
                "monitor.fetch-size", Integer.toString(FETCH_SIZE));
        MonitorSettings settings = new MonitorSettingsReader(key -> Optional.ofNullable(properties.get(key))).read();
        return new DataSourceFactory(settings, new StatementTracker(),
                new KerberosSettings(environment::get, System::getProperty));
    }

    private DatabaseConfig load(String entry) throws IOException {
        return load(entry, true);
    }

    /** One database named "db"; with {@code defaultQueries} it gets one query of its own. */
    private DatabaseConfig load(String entry, boolean defaultQueries) throws IOException {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/q.sql"), "SELECT 1 FROM dual WHERE SYSDATE >= :start_date\n");
        String yaml = "databases:\n  - name: db\n" + entry
                + (defaultQueries ? "    sql_queries:\n      - name: Q\n        query_location: sql/q.sql\n" : "");
        Path file = dir.resolve("databases.yaml");
        Files.writeString(file, yaml);
        return new DatabasesFileLoader(environment::get).load(file).databases().get(0);
    }

    private static DriverConnectionFactory driverFactory(TrackedDataSource pool) throws SQLException {
        ConnectionFactory factory = pool.createConnectionFactory();
        assertThat(factory).isInstanceOf(DriverConnectionFactory.class);
        return (DriverConnectionFactory) factory;
    }

    private static long uid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }
}

package com.example.monitor.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation messages and toString of configurations that hold a password, literal or from the environment. */
class SecretsInConfigurationTest {

    private static final String SECRET = "Sup3rS3cret";

    @TempDir
    Path dir;

    private final Map<String, String> environment = Map.of("DB_PASSWORD", SECRET);

    @BeforeEach
    void writeSql() throws Exception {
        Files.writeString(dir.resolve("q.sql"), "SELECT 1 FROM dual\n");
    }

    @Test
    void yamlSyntaxErrorOnThePasswordLineDoesNotQuoteIt() throws Exception {
        InvalidConfigurationException invalid = invalid("""
                    url: jdbc:oracle:thin:@//h:1521/s
                    auth: password
                    username: monitor
                    password: {Sup3rS3cret
                """);

        assertThat(invalid.problems()).singleElement().asString().contains("invalid YAML");
        assertThat(invalid.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void passwordGivenWithKerberosIsRefusedWithoutShowingIt() throws Exception {
        InvalidConfigurationException invalid = invalid("""
                    url: jdbc:oracle:thin:@//h:1521/s
                    auth: kerberos
                    password: Sup3rS3cret
                """);

        assertThat(invalid.problems()).singleElement().asString().contains("key 'password'");
        assertThat(invalid.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aSecretFromTheEnvironmentInTheWrongPlaceIsShownAsItsReference() throws Exception {
        InvalidConfigurationException invalid = invalid("""
                    host: h
                    port: ${env:DB_PASSWORD}
                    service_name: s
                    auth: password
                    username: monitor
                    password: ${env:DB_PASSWORD}
                    connect_timeout: ${env:DB_PASSWORD}
                """);

        assertThat(invalid.problems()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("key 'port'").contains("'${env:DB_PASSWORD}'"))
                .anySatisfy(line -> assertThat(line).contains("key 'connect_timeout'"));
        assertThat(invalid.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aNonTextPasswordIsRefusedWithoutEchoingIt() throws Exception {
        InvalidConfigurationException invalid = invalid("""
                    url: jdbc:oracle:thin:@//h:1521/s
                    auth: password
                    username: monitor
                    password: 98765432123
                """);

        assertThat(invalid.problems()).singleElement().asString().contains("key 'password'").contains("a number");
        assertThat(invalid.getMessage()).doesNotContain("98765432123");
    }

    @Test
    void toStringMasksTheOraclePasswordTheCredentialsInItsUrlAndItsWalletPassword() throws Exception {
        DatabaseConfig oracle = valid("""
                    url: "jdbc:oracle:thin:scott/UrlPw1@//h:1521/s"
                    auth: password
                    username: scott
                    password: ${env:DB_PASSWORD}
                    properties:
                      oracle.net.wallet_password: WalletPw9
                """);

        assertThat(oracle.toString()).contains("url=jdbc:oracle:thin:scott/******@//h:1521/s")
                .contains("password=******").contains("oracle.net.wallet_password")
                .doesNotContain(SECRET, "UrlPw1", "WalletPw9");
    }

    @Test
    void toStringMasksThePostgresPasswordAndTheUserInfoAndPasswordParametersOfItsUrl() throws Exception {
        DatabaseConfig postgres = valid("""
                    url: "jdbc:postgresql://scott:UrlPw2@h:5432/db?sslpassword=UrlPw3&password=Sup3rS3cret"
                    auth: password
                    username: scott
                    password: ${env:DB_PASSWORD}
                """);

        assertThat(postgres.toString())
                .contains("url=jdbc:postgresql://scott:******@h:5432/db?sslpassword=******&password=******")
                .doesNotContain(SECRET, "UrlPw2", "UrlPw3");
    }

    private InvalidConfigurationException invalid(String entry) throws Exception {
        Path file = write(entry);
        InvalidConfigurationException invalid = catchThrowableOfType(InvalidConfigurationException.class,
                () -> new DatabasesFileLoader(environment::get).load(file));
        assertThat(invalid).as("databases.yaml should be refused").isNotNull();
        return invalid;
    }

    private DatabaseConfig valid(String entry) throws Exception {
        return new DatabasesFileLoader(environment::get).load(write(entry)).databases().get(0);
    }

    private Path write(String entry) throws Exception {
        Path file = dir.resolve("databases.yaml");
        Files.writeString(file, "databases:\n  - name: db\n" + entry
                + "    sql_queries:\n      - name: Q\n        query_location: q.sql\n");
        return file;
    }
}

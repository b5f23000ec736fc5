package com.example.monitor.config;

import org.junit.jupiter.api.Test;

import com.example.monitor.sql.CheckedSql;
import com.example.monitor.sql.PreparedSql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretTest {

    @Test
    void toStringIsMaskedAndValueIsKept() {
        Secret secret = Secret.of("tiger");
        assertEquals("******", secret.toString());
        assertEquals("tiger", secret.value());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Secret.of("tiger"), Secret.of("tiger"));
        assertEquals(Secret.of("tiger").hashCode(), Secret.of("tiger").hashCode());
        assertNotEquals(Secret.of("tiger"), Secret.of("lion"));
    }

    @Test
    void databaseConfigToStringRevealsNoPassword() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oracle.jdbc.password", "propsecret");
        DatabaseConfig config = new DatabaseConfig("acct", "jdbc:oracle:thin:scott/tiger@//h:1521/svc",
                AuthMode.PASSWORD, "scott", Secret.of("tiger"), null, properties, Duration.ofSeconds(5),
                List.of(new QueryConfig("q", Path.of("/q.sql"), null, null, null,
                        new CheckedSql("SELECT 1 FROM dual", new PreparedSql("SELECT 1 FROM dual", 0)))));

        String text = config.toString();

        assertFalse(text.contains("tiger"), text);
        assertFalse(text.contains("propsecret"), text);
        assertTrue(text.contains("name=acct") && text.contains("oracle.jdbc.password")
                && text.contains("password=******"), text);
    }

    @Test
    void databaseConfigPropertiesAreNeverNull() {
        DatabaseConfig config = new DatabaseConfig("acct", "jdbc:h2:mem:a", AuthMode.KERBEROS, null, null,
                new KerberosConfig(null, null), null, null, List.of());
        assertEquals(Map.of(), config.properties());
    }

    @Test
    void invalidConfigurationMessageJoinsProblemsWithNewlines() {
        InvalidConfigurationException e = new InvalidConfigurationException(List.of("a: one", "a: two"));
        assertEquals("a: one\na: two", e.getMessage());
        assertEquals(List.of("a: one", "a: two"), e.problems());
    }
}

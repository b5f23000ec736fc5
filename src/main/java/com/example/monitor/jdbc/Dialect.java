package com.example.monitor.jdbc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What differs per database product: the driver properties that bound connect and read time. */
public enum Dialect {
    ORACLE {
        /**
         * Named, not found through DriverManager: the jar leaves out ojdbc's java.sql.Driver service entry,
         * since DBCP's BasicDataSource asks DriverManager for every registered driver, and initialising
         * OracleDriver (its diagnostic MBeans among it) cost 70-120 ms of every run, Oracle or not.
         */
        @Override
        public Optional<String> driverClass() {
            return Optional.of("oracle.jdbc.OracleDriver");
        }


        @Override
        Map<String, String> timeoutProperties(Duration connect, Duration read, int fetchSize) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("oracle.net.CONNECT_TIMEOUT", Long.toString(connect.toMillis()));
            props.put("oracle.net.OUTBOUND_CONNECT_TIMEOUT", Long.toString(connect.toMillis()));
            props.put("oracle.jdbc.loginTimeout", Long.toString(seconds(connect)));
            props.put("oracle.jdbc.ReadTimeout", Long.toString(read.toMillis()));
            // Oracle's default of 10 rows costs one network round trip per 10 rows
            props.put("defaultRowPrefetch", Integer.toString(fetchSize));
            return props;
        }
    },
    POSTGRESQL {
        @Override
        Map<String, String> timeoutProperties(Duration connect, Duration read, int fetchSize) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("connectTimeout", Long.toString(seconds(connect)));
            props.put("loginTimeout", Long.toString(seconds(connect)));
            // bounds every read of the logon too: a host that accepts TCP and never answers must not keep
            // the driver's logon thread blocked; TrackedDataSource raises it to the read timeout after logon
            props.put("socketTimeout", Long.toString(seconds(connect)));
            return props;
        }
    },
    H2 {
        /**
         * H2's TCP client sets no socket timeout by default, so a server that stops answering would keep
         * the reading thread for good (an abandoned logon's among them, see {@link BoundedLogon}); above the
         * longest query timeout, as Oracle's read timeout. Embedded databases ignore it.
         */
        @Override
        Map<String, String> timeoutProperties(Duration connect, Duration read, int fetchSize) {
            return Map.of("NETWORK_TIMEOUT", Long.toString(Math.min(Integer.MAX_VALUE, read.toMillis())));
        }
    },
    OTHER;

    /** Whether the driver's own properties above bound its whole logon by the connect timeout. */
    public boolean boundsLogon() {
        return this == ORACLE || this == POSTGRESQL;
    }

    /** The driver to load by name; empty: the one DriverManager finds for the URL. */
    public Optional<String> driverClass() {
        return Optional.empty();
    }

    Map<String, String> timeoutProperties(Duration connect, Duration read, int fetchSize) {
        return Map.of();
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:oracle:")) {
            return ORACLE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        return OTHER;
    }

    private static long seconds(Duration duration) {
        // drivers take whole seconds; never round a short timeout down to "no timeout"
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}

package com.example.monitor.jdbc;

import com.example.monitor.config.DatabaseConfig;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pools of all configured databases, closed together when Camel stops. */
public final class DatabasePools implements Service {

    /** Its name in the registry; only the tests look it up, the application hands the pools on itself. */
    public static final String BEAN = "databasePools";

    private static final Logger LOG = LoggerFactory.getLogger(DatabasePools.class);

    private final Map<String, TrackedDataSource> pools = new LinkedHashMap<>();

    public void add(DatabaseConfig database, TrackedDataSource pool) {
        pools.put(database.name(), pool);
    }

    /** The registry name camel-sql endpoints use to find a database's pool ({@code dataSource=#...}). */
    public static String beanName(String databaseName) {
        return "datasource-" + databaseName;
    }

    public TrackedDataSource pool(String databaseName) {
        TrackedDataSource pool = pools.get(databaseName);
        if (pool == null) {
            throw new IllegalArgumentException("no pool for database '" + databaseName + "'");
        }
        return pool;
    }

    public Map<String, TrackedDataSource> all() {
        return Collections.unmodifiableMap(pools);
    }

    /** Connections currently borrowed from any pool; zero between runs. */
    public int activeConnections() {
        return pools.values().stream().mapToInt(TrackedDataSource::getNumActive).sum();
    }

    @Override
    public void start() {
        // pools open lazily on first borrow, so a bad database cannot block start-up
    }

    @Override
    public void stop() {
        pools.forEach((name, pool) -> {
            try {
                pool.close();
            } catch (SQLException e) {
                LOG.warn("closing the pool of database {} failed: {}", name, e.getMessage());
            }
        });
    }
}

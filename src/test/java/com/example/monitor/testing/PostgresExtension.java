package com.example.monitor.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PostgresServer} for a test class: started before the class's {@code @BeforeAll} methods, so
 * they can create their databases on it, and closed after its {@code @AfterAll} methods. Register with
 * {@code @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;
    /** The class that started the server: its {@code @Nested} classes get these callbacks too, and share it. */
    private String owner;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (server == null) {
            server = PostgresServer.start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(owner)) {
            server.close();
            server = null;
            owner = null;
        }
    }

    public PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("the server runs from the class's @BeforeAll to its @AfterAll");
        }
        return server;
    }
}

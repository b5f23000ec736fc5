package com.example.monitor.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PostgresServer} for a test class, from before the class's {@code @BeforeAll} methods (so they
 * can create their databases on it) to after its {@code @AfterAll} methods. Register with
 * {@code @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();}.
 *
 * <p>By default the class gets a view of the one server of the test JVM ({@link PostgresServer#shared}):
 * its connections carry an application name of the class's own, and its databases are dropped after the
 * class, so classes that run one after another in the JVM see none of each other's sessions or data.
 * A class that stops, reconfigures or breaks the server itself takes {@link #withOwnServer()}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private final boolean ownServer;
    private PostgresServer server;
    /** The class that got the server: its {@code @Nested} classes get these callbacks too, and share it. */
    private String owner;

    /** The JVM-wide server, shared with the classes before and after this one. */
    public PostgresExtension() {
        this(false);
    }

    private PostgresExtension(boolean ownServer) {
        this.ownServer = ownServer;
    }

    /** A server started for this class alone and stopped after it: for a class that would harm a shared one. */
    public static PostgresExtension withOwnServer() {
        return new PostgresExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (server == null) {
            server = ownServer ? PostgresServer.start()
                    : PostgresServer.shared(context.getRequiredTestClass().getSimpleName());
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(owner)) {
            // on the shared server: drops this class's databases and ends its sessions; else stops the server
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

package com.example.monitor.jdbc;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The ticket-granting ticket in a ticket cache file, read by the JDK's own cache reader rather than by
 * hand. That reader is internal to the JDK: the jar's manifest exports it ({@code Add-Exports}); a JVM
 * started without that export gets nothing here, and the logon then reports the problem itself.
 */
final class TicketCache {

    /** The cache's client principal and when its ticket-granting ticket expires. */
    record Tgt(String client, Instant expiry) {
    }

    private TicketCache() {
    }

    static Optional<Tgt> read(Path cache) {
        try {
            Class<?> caches = Class.forName("sun.security.krb5.internal.ccache.CredentialsCache");
            Object opened = caches.getMethod("getInstance", String.class).invoke(null, cache.toString());
            if (opened == null) {
                return Optional.empty();
            }
            String client = String.valueOf(caches.getMethod("getPrimaryPrincipal").invoke(opened));
            for (Object credentials : (Object[]) caches.getMethod("getCredsList").invoke(opened)) {
                Method server = credentials.getClass().getMethod("getServicePrincipal");
                if (String.valueOf(server.invoke(credentials)).startsWith("krbtgt/")) {
                    Object end = credentials.getClass().getMethod("getEndTime").invoke(credentials);
                    long millis = (Long) end.getClass().getMethod("getTime").invoke(end);
                    return Optional.of(new Tgt(client, Instant.ofEpochMilli(millis)));
                }
            }
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}

package com.example.monitor.jdbc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The logons of a configuration: one per keytab and principal, or per ticket cache, shared by databases. */
public final class KerberosLogins {

    private record Key(String principal, Path keytab, Path ticketCache) {
    }

    private final Duration renewBefore;
    private final Clock clock;
    private final Map<Key, KerberosLogin> logins = new ConcurrentHashMap<>();

    public KerberosLogins(Duration renewBefore, Clock clock) {
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    public KerberosLogin fromKeytab(String principal, Path keytab) {
        return logins.computeIfAbsent(new Key(principal, keytab.toAbsolutePath(), null),
                key -> KerberosLogin.fromKeytab(principal, key.keytab(), renewBefore, clock));
    }

    public KerberosLogin fromTicketCache(Path ticketCache) {
        return logins.computeIfAbsent(new Key(null, null, ticketCache.toAbsolutePath()),
                key -> KerberosLogin.fromTicketCache(key.ticketCache(), renewBefore, clock));
    }
}

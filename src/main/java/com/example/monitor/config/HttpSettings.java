package com.example.monitor.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The service's embedded HTTP server: off unless a port is given ({@code 0}: a free port), bound to
 * {@code host}, and guarded by {@code token} when one is set. The token is a {@link Secret}, so it
 * never shows in a log or an exception. {@code allowedHosts} are the names a request may be sent to
 * (its {@code Host} header), against DNS rebinding; {@code headerTimeout} bounds how long a request's
 * line and headers may take to arrive, and {@code bodyTimeout} its body.
 */
public record HttpSettings(Integer port, String host, Secret token, List<String> allowedHosts, Duration headerTimeout,
                           Duration bodyTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String ANY_HOST = "*";
    /** What a browser on this machine may call the server, on a loopback bind. */
    static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    public HttpSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        headerTimeout = headerTimeout == null ? Duration.ofSeconds(20) : headerTimeout;
        bodyTimeout = bodyTimeout == null ? Duration.ofSeconds(30) : bodyTimeout;
    }

    public boolean configured() {
        return port != null;
    }

    public boolean hasToken() {
        return token != null && token.value() != null && !token.value().isEmpty();
    }

    /**
     * The names a request's Host may give: the operator's list, plus, on a loopback bind, the loopback
     * names and the bind address. Empty on another bind with no list: the reader refuses that.
     */
    public Set<String> hostNames() {
        Set<String> names = new LinkedHashSet<>(allowedHosts);
        if (isLoopback(host)) {
            names.addAll(LOOPBACK_NAMES);
            names.add(host.contains(":") && !host.startsWith("[") ? "[" + host.toLowerCase(Locale.ROOT) + "]"
                    : host.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Whether a request sent to {@code hostName} (no port; IPv6 in brackets) is answered. */
    public boolean allowsHost(String hostName) {
        return allowedHosts.contains(ANY_HOST) || hostNames().contains(hostName.toLowerCase(Locale.ROOT));
    }

    /** Loopback names and addresses only; anything else is reachable from the network. */
    public static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package com.example.monitor.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The service's embedded HTTP server: off unless a port is given ({@code 0}: a free port), bound to
 * {@code host}, and guarded by {@code token} when one is set. The token is a {@link Secret}, so it
 * never shows in a log or an exception.
 */
public record HttpSettings(Integer port, String host, Secret token) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public boolean configured() {
        return port != null;
    }

    public boolean hasToken() {
        return token != null && token.value() != null && !token.value().isEmpty();
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

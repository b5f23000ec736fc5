package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on the loopback address, for a service a test starts on a port it must know in advance. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port nothing listened on a moment ago; another process may still take it before the test does. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

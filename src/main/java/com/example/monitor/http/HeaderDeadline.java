package com.example.monitor.http;

import io.netty.channel.ChannelOutboundBuffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection whose next request has not fully arrived, its line and headers, within the
 * timeout: from the connection's opening, and again from the end of each answer on a kept-alive
 * connection. Written here because Vert.x bounds neither: its idle timeout restarts at every byte,
 * so a client that sends a header line every few seconds (slowloris) would hold the connection for
 * good, and a few hundred such clients all of them.
 */
final class HeaderDeadline {

    private static final Duration SENDING_CHECK = Duration.ofMillis(100);

    private final Duration timeout;
    /** The pending close of each watched connection that waits for a request. */
    private final Map<HttpConnection, PendingClose> pending = new ConcurrentHashMap<>();

    private record PendingClose(Vertx vertx, long timer) {
        void cancel() {
            vertx.cancelTimer(timer);
        }
    }

    HeaderDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** A new connection: its first request must arrive in time. */
    void watch(Vertx vertx, HttpConnection connection) {
        connection.closeHandler(closed -> requestArrived(connection));
        awaitNextRequest(vertx, connection);
    }

    /** Vert.x has read the request's line and headers: no deadline while it is answered. */
    void requestArrived(HttpConnection connection) {
        PendingClose close = pending.remove(connection);
        if (close != null) {
            close.cancel();
        }
    }

    /**
     * The answer has ended; a kept-alive connection waits for its next request no longer than the first.
     * The wait starts once the answer is all on the wire: Vert.x ends an answer when it is queued, and a
     * client still reading a large report slowly is not idle, so until then the buffer is looked at again
     * every {@link #SENDING_CHECK}.
     */
    void awaitNextRequest(Vertx vertx, HttpConnection connection) {
        if (stillSending(connection)) {
            arm(vertx, connection, SENDING_CHECK, () -> awaitNextRequest(vertx, connection));
        } else {
            arm(vertx, connection, timeout, connection::close);
        }
    }

    private void arm(Vertx vertx, HttpConnection connection, Duration after, Runnable then) {
        long timer = vertx.setTimer(Math.max(1, after.toMillis()), fired -> {
            if (pending.remove(connection) != null) {
                then.run();
            }
        });
        PendingClose earlier = pending.put(connection, new PendingClose(vertx, timer));
        if (earlier != null) {
            earlier.cancel();
        }
    }

    /** Whether the connection's outbound buffer still holds bytes of an answer. */
    private static boolean stillSending(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            ChannelOutboundBuffer unsent = base.channel().unsafe().outboundBuffer();
            return unsent != null && unsent.totalPendingWriteBytes() > 0;
        }
        return false;
    }
}

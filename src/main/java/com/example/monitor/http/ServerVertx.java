package com.example.monitor.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x that Camel's embedded servers are made with. Camel takes the one Vertx bound in its
 * registry, and otherwise makes its own and builds each server's options with no say for us; through
 * this one, every server speaks HTTP/1.1 only, answers a request it cannot read as the perimeter would
 * ({@link UnreadableRequest}), closes a connection whose request does not arrive in time
 * ({@link HeaderDeadline}), and {@code beforeListen} runs once Camel has bound the
 * server's router and before the server listens. Camel does not close a Vertx it did not make: the
 * wiring closes this one once the servers have stopped.
 */
final class ServerVertx extends VertxWrapper {

    /** Its name in the registry. */
    static final String BEAN = "monitorServerVertx";
    private static final Logger LOG = LoggerFactory.getLogger(ServerVertx.class);

    private final Runnable beforeListen;
    private final HeaderDeadline headerDeadline;

    ServerVertx(Runnable beforeListen, HeaderDeadline headerDeadline) {
        super((VertxInternal) Vertx.vertx());
        this.beforeListen = beforeListen;
        this.headerDeadline = headerDeadline;
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        // no h2c, neither by an Upgrade header nor by the HTTP/2 preface, and no h2 offered over TLS
        options.setHttp2ClearTextEnabled(false).setAlpnVersions(List.of(HttpVersion.HTTP_1_1));
        HttpServer server = delegate.createHttpServer(options);
        // Camel sets the request handler, never this one; without it Vert.x answers bare, past the perimeter
        server.invalidRequestHandler(new UnreadableRequest(options));
        server.connectionHandler(connection -> headerDeadline.watch(this, connection));
        beforeListen.run();
        return server;
    }

    /** The wrapper's own would go straight to the delegate, past the options above. */
    @Override
    public HttpServer createHttpServer() {
        return createHttpServer(new HttpServerOptions());
    }

    /** Bounded: Vert.x's event-loop and worker threads are not daemons, and while one runs the JVM stays. */
    void closeAndWait(Duration timeout) {
        try {
            close().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the HTTP server's Vert.x did not close within {}: {}", timeout, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.config.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline for a kept-alive connection's next request starts once the answer has left Vert.x, not
 * when Vert.x queued it: a client that reads a large answer only after the timeout keeps its connection. The server's
 * send buffer is small, so that the answer waits in Vert.x rather than in the kernel, as it does for a
 * client at the end of a slow network.
 */
class HeaderDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int ANSWER_BYTES = 4 * 1024 * 1024;

    private Vertx vertx;
    private int port;
    /** The server's end of the one connection the test opens. */
    private volatile ConnectionBase serverSide;

    @BeforeEach
    void listen() throws Exception {
        vertx = Vertx.vertx();
        HeaderDeadline deadline = new HeaderDeadline(TIMEOUT);
        Router router = Router.router(vertx);
        router.route().order(RouterGuard.PERIMETER_ORDER)
                .handler(new HttpPerimeter(new HttpSettings(0, "127.0.0.1", null, List.of(), TIMEOUT, null), deadline));
        router.get("/large").handler(context -> context.response().putHeader("Content-Type", "text/plain")
                .end("x".repeat(ANSWER_BYTES)));
        router.get("/small").handler(context -> context.response().putHeader("Content-Type", "text/plain").end("ok"));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(4096))
                .connectionHandler(connection -> {
                    serverSide = (ConnectionBase) connection;
                    deadline.watch(vertx, connection);
                }).requestHandler(router)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatReadsALargeAnswerOnlyAfterTheTimeoutKeepsItsConnectionForTheNextRequest() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            send(socket, "/large");
            // the client reads nothing yet: the answer, ended for Vert.x, waits in Vert.x's buffer
            await().atMost(Duration.ofSeconds(10)).until(() -> serverSide != null && !serverSide.channel().isWritable());

            await().during(TIMEOUT.multipliedBy(2)).atMost(TIMEOUT.multipliedBy(4))
                    .until(() -> serverSide.channel().isActive());

            assertThat(SlowRequestTest.readOneResponse(in)).startsWith("HTTP/1.1 200").hasSizeGreaterThan(ANSWER_BYTES);
            send(socket, "/small");
            assertThat(SlowRequestTest.readOneResponse(in)).as("the next request on the same connection")
                    .startsWith("HTTP/1.1 200").endsWith("ok");
        }
    }

    private void send(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }
}

package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.config.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.FilterInputStream;
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
 * when Vert.x queued it: a client reading a large answer slowly keeps its connection. The server's
 * send buffer is small, so that the answer waits in Vert.x rather than in the kernel, as it does for a
 * client at the end of a slow network.
 */
class HeaderDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int ANSWER_BYTES = 4 * 1024 * 1024;

    private Vertx vertx;
    private int port;

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
                .connectionHandler(connection -> deadline.watch(vertx, connection)).requestHandler(router)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientReadingALargeAnswerSlowlyKeepsItsConnectionForTheNextRequest() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            send(socket, "/large");
            long started = System.nanoTime();

            String answer = SlowRequestTest.readOneResponse(new SlowStream(in));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the read outlasted the timeout")
                    .isGreaterThan(TIMEOUT.multipliedBy(2));
            assertThat(answer).startsWith("HTTP/1.1 200").hasSizeGreaterThan(ANSWER_BYTES);
            send(socket, "/small");
            assertThat(SlowRequestTest.readOneResponse(in)).as("the next request on the same connection")
                    .startsWith("HTTP/1.1 200").endsWith("ok");
        }
    }

    private void send(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A client that takes its time: 1 KB at a time, a pause every 16 KB; its pace, not a wait for an outcome. */
    private static final class SlowStream extends FilterInputStream {
        private long sincePause;

        SlowStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            pace(1);
            return super.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, Math.min(length, 1024));
            pace(Math.max(read, 0));
            return read;
        }

        private void pace(int bytes) throws IOException {
            sincePause += bytes;
            if (sincePause >= 16 * 1024) {
                sincePause = 0;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }
}

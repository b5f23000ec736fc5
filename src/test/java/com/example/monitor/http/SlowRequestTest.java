package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.HttpServiceTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its request line and headers slowly, or opens a connection and sends nothing, is
 * cut off at monitor.http.header-timeout, however steadily it trickles bytes: Vert.x's own idle timeout
 * restarts at each one. Raw sockets, since an HTTP client sends its headers at once.
 */
class SlowRequestTest extends HttpServiceTestSupport {

    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
    /** Far past the timeout: a connection still open then is held for good. */
    private static final Duration HELD = Duration.ofSeconds(15);

    @Override
    protected String databaseName() {
        return "slow_request";
    }

    @Override
    protected List<String> moreSettings() {
        return List.of("monitor.http.header-timeout", HEADER_TIMEOUT.toSeconds() + "s");
    }

    @Test
    void headersTrickledInALineAtATimeAreCutOffAtTheHeaderTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicInteger sent = new AtomicInteger();
            // a header line every 200 ms: the connection is never idle for the timeout
            await().atMost(HELD).pollInterval(Duration.ofMillis(200)).until(() -> {
                try {
                    out.write(("X-Slow-" + sent.incrementAndGet() + ": a\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return closedByServer(socket);
                } catch (IOException reset) {
                    return true;
                }
            });

            assertThat(sent.get()).as("header lines sent before the close").isGreaterThan(2);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (Socket socket = connect()) {
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestsInTurnAndIsClosedOnceIdle() throws Exception {
        try (Socket socket = connect()) {
            InputStream in = socket.getInputStream();
            for (int request = 1; request <= 3; request++) {
                socket.getOutputStream().write(("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(readOneResponse(in)).as("answer %d", request).startsWith("HTTP/1.1 200");
            }

            assertThat(readUntilClosed(in)).isEmpty();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", api.port());
        socket.setSoTimeout((int) HELD.toMillis());
        return socket;
    }

    /** True once the server has closed its side; a short wait for it, as the caller polls. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } finally {
            socket.setSoTimeout((int) HELD.toMillis());
        }
    }

    /** What arrives before the server closes the connection; fails the test if it is still open after {@link #HELD}. */
    private static String readUntilClosed(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** One answer: its head, then its body, by Content-Length or in chunks. */
    static String readOneResponse(InputStream in) throws IOException {
        String head = readLine(in, "\r\n\r\n");
        String lowerHead = head.toLowerCase(Locale.ROOT);
        if (lowerHead.contains("transfer-encoding: chunked")) {
            StringBuilder body = new StringBuilder();
            for (int size; (size = Integer.parseInt(readLine(in, "\r\n").trim(), 16)) > 0; readLine(in, "\r\n")) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            }
            readLine(in, "\r\n");
            return head + body;
        }
        String length = lowerHead.lines().filter(line -> line.startsWith("content-length:")).findFirst()
                .orElseThrow(() -> new IOException("neither Content-Length nor chunks: " + head));
        return head + new String(in.readNBytes(Integer.parseInt(length.substring(length.indexOf(':') + 1).trim())),
                StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(end)) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed in the middle of an answer: " + text);
            }
            text.append((char) next);
        }
        return text.toString();
    }
}

package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The service's HTTP server as a client sees it, through the JDK's HttpClient. */
public final class ApiClient {

    // HTTP/1.1, the server's only version: the JDK client's default would first ask to upgrade to HTTP/2
    // (h2c), which the server declines
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request, built by the test from {@link #request(String)}. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to the path, with the bearer token when this client has one. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /**
     * A request written byte for byte on a socket, for what {@link HttpClient} would not send (a Host
     * of the test's choosing, a body that never ends); {@code Connection: close} is the test's to add.
     */
    public RawResponse raw(byte[] request) {
        return RawResponse.parse(rawBytes(request));
    }

    /** What the server sends back until it closes the connection, byte for byte. */
    public byte[] rawBytes(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #raw(byte[])} of text, lines ending CRLF as HTTP wants them. */
    public RawResponse raw(String... lines) {
        return raw((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** An answer as it came off the socket: its status, headers (names in lower case) and body. */
    public record RawResponse(int status, Map<String, List<String>> headers, String body) {

        static RawResponse parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = (end < 0 ? text : text.substring(0, end)).split("\r\n");
            if (head.length == 0 || head[0].isEmpty()) {
                return new RawResponse(0, Map.of(), "");
            }
            Map<String, List<String>> headers = new TreeMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, end < 0 ? "" : text.substring(end + 4));
        }
    }

    /** The same server with another token, or none. */
    public ApiClient withToken(String otherToken) {
        return new ApiClient(port(), otherToken);
    }
}

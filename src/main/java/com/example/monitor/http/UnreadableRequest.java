package com.example.monitor.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The answer to a request Vert.x could not read (a request line or headers past its limits, a line
 * that is not HTTP/1.x), which never reaches a router and so never meets the perimeter: the status
 * Vert.x's own handler sends ({@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}), with the
 * perimeter's fixed headers and a JSON error. The connection is closed, as Vert.x's own closes it:
 * nothing after such a request on it can be framed.
 */
final class UnreadableRequest implements Handler<HttpServerRequest> {

    private final int maxRequestLine;
    private final int maxHeaders;

    UnreadableRequest(HttpServerOptions options) {
        this.maxRequestLine = options.getMaxInitialLineLength();
        this.maxHeaders = options.getMaxHeaderSize();
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        HttpServerResponse response = request.response();
        response.headersEndHandler(ignored -> HttpPerimeter.fixHeaders(response.headers(), false));
        response.putHeader("Connection", "close");
        if (cause instanceof TooLongHttpLineException) {
            HttpPerimeter.answer(response, 414, "the request line is longer than " + maxRequestLine + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            HttpPerimeter.answer(response, 431, "the request's headers are longer than " + maxHeaders + " bytes");
        } else {
            HttpPerimeter.answer(response, 400, "not an HTTP/1.1 request this server can read");
        }
        response.close();
    }
}

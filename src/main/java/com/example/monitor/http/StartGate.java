package com.example.monitor.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Holds back every request but health and metrics while the service starts. The port opens before the
 * routes that answer the page and the API are there; until the context has started, such a request
 * is answered {@code 503} with {@code Retry-After}, in JSON like any refusal, instead of Vert.x's bare
 * {@code 404}. Once open, it only passes requests on.
 */
final class StartGate implements Handler<RoutingContext> {

    static final String MESSAGE = "the service is starting; try again in a moment";

    private volatile boolean open;

    void open() {
        open = true;
    }

    @Override
    public void handle(RoutingContext context) {
        if (open || context.normalizedPath().startsWith(HttpPerimeter.OBSERVE_PATH)) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", "1");
        HttpPerimeter.answer(context, 503, MESSAGE);
    }
}

package com.example.monitor.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * What every router Camel binds for a server is given before that server listens ({@link ServerVertx}
 * calls {@link #guardNewRouters()} then): the perimeter, as the first handler and the first failure
 * handler, then the start gate, and JSON errors, on the page's and the API's port and on a separate
 * management port alike. So no request ever meets a router without them, not even in the moment
 * between the port opening and the routes starting.
 */
final class RouterGuard {

    /**
     * The start-up's self-check, on a path no one else knows, runs while the gate is still closed, and
     * is sent to 127.0.0.1, which the Host check refuses on a bind to another address: so ahead of both.
     */
    static final int SELF_CHECK_ORDER = Integer.MIN_VALUE;
    static final int PERIMETER_ORDER = SELF_CHECK_ORDER + 1;
    static final int GATE_ORDER = SELF_CHECK_ORDER + 2;

    private final CamelContext context;
    private final HttpPerimeter perimeter;
    private final StartGate gate;
    private final Set<VertxPlatformHttpRouter> guarded = Collections.newSetFromMap(new IdentityHashMap<>());

    RouterGuard(CamelContext context, HttpPerimeter perimeter, StartGate gate) {
        this.context = context;
        this.perimeter = perimeter;
        this.gate = gate;
    }

    /** Camel binds a server's router just before it makes the server; a shared port is one server, one router. */
    synchronized void guardNewRouters() {
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            if (guarded.add(router)) {
                router.route().order(PERIMETER_ORDER).handler(perimeter).failureHandler(perimeter::failure);
                router.route().order(GATE_ORDER).handler(gate);
                jsonErrors(router);
            }
        }
    }

    synchronized boolean guards(VertxPlatformHttpRouter router) {
        return guarded.contains(router);
    }

    /**
     * Vert.x answers unknown paths and oversized bodies itself, in HTML or with no body; these answer
     * in JSON like the API. Camel's router is a sub-router, whose error handlers Vert.x does not call,
     * hence a failure handler (a body over the limit fails the request with 413) and a last route.
     */
    private static void jsonErrors(VertxPlatformHttpRouter router) {
        router.route().failureHandler(routingContext -> answer(routingContext,
                routingContext.statusCode() > 0 ? routingContext.statusCode() : 500));
        router.route().last().handler(routingContext -> answer(routingContext, 404));
    }

    private static void answer(RoutingContext routingContext, int code) {
        String message = switch (code) {
            case 404 -> "no such path, or not with this method";
            case 413 -> "request body too large (at most " + ApiRequests.MAX_BODY_BYTES / 1024 + " KB)";
            case 500 -> "internal error; see the service log";
            default -> "bad request";
        };
        HttpPerimeter.answer(routingContext, code, message);
    }
}

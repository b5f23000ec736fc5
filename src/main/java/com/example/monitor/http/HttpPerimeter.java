package com.example.monitor.http;

import com.example.monitor.config.HttpSettings;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every request meets before a route sees it, on the raw Vert.x request (Camel's message mixes
 * query parameters, form fields and headers, so it cannot tell them apart): one unambiguous host
 * ({@link RequestHost}) that the server answers to (against DNS rebinding), no token in the URL, the
 * token in the {@code Authorization} header for {@code /api}, the same origin for a POST, and JSON as
 * a POST's only content type. A refusal is
 * answered here, in JSON. Every answer, refusals and Vert.x's own included, leaves with a fixed set
 * of headers: the few the API sets itself and the ones a security review expects, never one copied
 * from the request. Requests Vert.x cannot read at all never reach a router; {@link UnreadableRequest}
 * answers those with the same headers.
 */
final class HttpPerimeter implements Handler<RoutingContext> {

    /** Health and metrics: probes and scrapers call them by address, with no token and any Host. */
    static final String OBSERVE_PATH = "/observe/";
    static final String API_PATH = "/api/";
    /**
     * The only response headers that leave, whatever a route or Camel put on the message. Retry-After
     * is the start gate's; no route sets it, and ApiHeaderFilter lets no message header but Location out.
     */
    static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "location", "content-encoding", "retry-after");
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");
    /** Names a token is put under in URLs; it must never be there, where logs and history keep it. */
    private static final Set<String> TOKEN_PARAMETERS = Set.of("authorization", "access_token", "token", "bearer");
    /** Marks a request whose answer already has the header policy, so a failure after the perimeter ran does not add it again. */
    private static final String HEADERS_FIXED = HttpPerimeter.class.getName() + ".headersFixed";

    private final HttpSettings settings;
    private final HeaderDeadline headerDeadline;

    HttpPerimeter(HttpSettings settings, HeaderDeadline headerDeadline) {
        this.settings = settings;
        this.headerDeadline = headerDeadline;
    }

    @Override
    public void handle(RoutingContext context) {
        fixHeadersOnce(context);
        HttpConnection connection = context.request().connection();
        headerDeadline.requestArrived(connection);
        long timer = context.vertx().setTimer(Math.max(1, settings.bodyTimeout().toMillis()), id -> dropSlowBody(context));
        context.addEndHandler(ignored -> {
            context.vertx().cancelTimer(timer);
            headerDeadline.awaitNextRequest(context.vertx(), connection);
        });
        ApiProblem refusal;
        try {
            refusal = refusal(context.request(), context.normalizedPath());
        } catch (ApiProblem ambiguous) {
            refusal = ambiguous;
        }
        if (refusal != null) {
            answer(context, refusal.status(), refusal.getMessage());
            return;
        }
        if (context.request().method() == HttpMethod.HEAD) {
            // Vert.x routes HEAD only where a route names it, and Camel's name GET; the response of a
            // HEAD request sends its headers and never its body, whichever method the route saw. A
            // reroute drops the handlers added so far, the header policy's among them: it is added again
            context.remove(HEADERS_FIXED);
            context.reroute(HttpMethod.GET, context.request().uri());
            return;
        }
        context.next();
    }

    /**
     * The first failure handler of every router. Vert.x's router refuses a request without a (valid)
     * Host with 400 before any route, so before {@link #handle}: that one is answered here; any other
     * failure goes on to the router's own handlers, and every one leaves with the fixed headers.
     */
    void failure(RoutingContext context) {
        fixHeadersOnce(context);
        if (context.statusCode() == 400 && context.request().authority() == null) {
            answer(context, 400, RequestHost.ONE_HOST);
            return;
        }
        context.next();
    }

    /**
     * Why the request is refused, or null when it may go on; health and metrics only need one Host.
     *
     * @throws ApiProblem 400 when the request names its host ambiguously
     */
    private ApiProblem refusal(HttpServerRequest request, String path) {
        if (path.startsWith(OBSERVE_PATH)) {
            RequestHost.requireOneHost(request);
            return null;
        }
        MultiMap headers = request.headers();
        RequestHost host = RequestHost.of(request);
        if (!host.names().stream().allMatch(name -> name != null && settings.allowsHost(name))) {
            return new ApiProblem(421, "this server does not answer to that host name; see monitor.http.allowed-hosts");
        }
        if (request.params().names().stream().anyMatch(name -> TOKEN_PARAMETERS.contains(name.toLowerCase(Locale.ROOT)))) {
            return new ApiProblem(401, "give the token in the Authorization header, never in the URL");
        }
        if (path.startsWith(API_PATH) && settings.hasToken() && !tokenMatches(headers.getAll("Authorization"))) {
            return new ApiProblem(401, "a valid token is needed: Authorization: Bearer <token>");
        }
        if (request.method() == HttpMethod.POST) {
            List<String> origins = headers.getAll("Origin");
            if (origins.size() > 1 || origins.size() == 1 && !isOwnOrigin(origins.get(0), request, host)) {
                return new ApiProblem(403, "cross-origin requests are refused");
            }
            List<String> types = headers.getAll("Content-Type");
            boolean hasBody = path.equals("/api/runs") || !types.isEmpty();
            if (hasBody && (types.size() != 1 || !isJson(types.get(0)))) {
                return new ApiProblem(415, "send the request as application/json");
            }
        }
        return null;
    }

    /** Exactly one header, {@code Bearer <token>}, compared in constant time. */
    private boolean tokenMatches(List<String> authorization) {
        String given = authorization.size() == 1 && authorization.get(0).regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.get(0).substring(7).trim() : "";
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                settings.token().value().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code application/json}, alone or with {@code charset=utf-8}: the reader takes UTF-8 only. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The page's own origin: the scheme and the host it was sent to, or behind a proxy the ones the proxy
     * received ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host}). A proxy that terminates TLS and
     * keeps the Host sends only the scheme. Trusting that header gives a foreign page nothing: its
     * browser names the foreign page's host in Origin, never ours. A default port, written or not, is
     * the same origin.
     */
    private static boolean isOwnOrigin(String origin, HttpServerRequest request, RequestHost host) {
        String proto = first(request.headers().get("X-Forwarded-Proto"));
        String scheme = proto != null ? proto : request.scheme();
        String authority = host.forwarded() != null ? host.forwarded() : host.authority();
        try {
            URI given = URI.create(origin);
            return scheme != null && authority != null && scheme.equalsIgnoreCase(given.getScheme())
                    && withoutDefaultPort(authority, scheme).equalsIgnoreCase(
                            withoutDefaultPort(String.valueOf(given.getRawAuthority()), scheme));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        String defaultPort = "https".equalsIgnoreCase(scheme) ? ":443" : "http".equalsIgnoreCase(scheme) ? ":80" : null;
        return defaultPort != null && authority.endsWith(defaultPort)
                ? authority.substring(0, authority.length() - defaultPort.length()) : authority;
    }

    private static String first(String listHeader) {
        if (listHeader == null) {
            return null;
        }
        int comma = listHeader.indexOf(',');
        return (comma < 0 ? listHeader : listHeader.substring(0, comma)).trim();
    }

    private static void fixHeadersOnce(RoutingContext context) {
        if (context.get(HEADERS_FIXED) == null) {
            context.put(HEADERS_FIXED, Boolean.TRUE);
            String path = context.normalizedPath();
            boolean observe = path != null && path.startsWith(OBSERVE_PATH);
            context.addHeadersEndHandler(ignored -> fixHeaders(context.response().headers(), observe));
        }
    }

    /** The header policy every answer leaves with, whoever wrote it; health and metrics may be cached. */
    static void fixHeaders(MultiMap headers, boolean observe) {
        headers.names().stream().filter(name -> !RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))).toList()
                .forEach(headers::remove);
        SECURITY_HEADERS.forEach(headers::set);
        if (!observe) {
            headers.set("Cache-Control", "no-store");
        }
    }

    /** A body that trickles in holds a connection and a worker: the request is answered 408 and closed. */
    private static void dropSlowBody(RoutingContext context) {
        if (context.request().isEnded() || context.response().ended()) {
            return;
        }
        if (!context.response().headWritten()) {
            context.response().putHeader("Connection", "close");
            answer(context, 408, "the request's body did not arrive in time; see monitor.http.body-timeout");
        }
        context.request().connection().close();
    }

    static void answer(RoutingContext context, int status, String message) {
        answer(context.response(), status, message);
    }

    /** A refusal's one format: its status and {@code {"error": "..."}}. */
    static void answer(HttpServerResponse response, int status, String message) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}

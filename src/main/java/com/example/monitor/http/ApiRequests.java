package com.example.monitor.http;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.HttpSettings;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.RunRequest;
import com.example.monitor.trigger.InboxRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the HTTP API that routes cannot say well: the bearer token (compared in constant
 * time), the same-origin rule for POSTs, the standby's refusal to start or cancel runs, the run
 * request (checked by the inbox's own code), and JSON answers with their status codes.
 */
public final class ApiRequests {

    /** Its name in the registry, as the routes and the launcher name it. */
    public static final String BEAN = "httpApi";

    /** Requests are a few bytes; anything past this is refused before it is read. */
    public static final long MAX_BODY_BYTES = RunRequest.MAX_BYTES;
    public static final String TRIGGER = "http";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRequests.class);

    private final HttpSettings settings;
    private final AnalysisRuns runs;
    private final InboxRequests requests;
    private final ClusterRole role;
    private final ObjectMapper json = new ObjectMapper();

    /** @param role this replica's role: only the leader runs, and its id goes into the run ids it makes */
    public ApiRequests(HttpSettings settings, AnalysisRuns runs, InboxRequests requests, ClusterRole role) {
        this.settings = settings;
        this.runs = runs;
        this.requests = requests;
        this.role = role;
    }

    /** Every API call: the token when one is set; for a POST, an Origin that is the server's own. */
    public void guard(Exchange exchange) {
        Message in = exchange.getMessage();
        if (settings.hasToken() && !tokenMatches(in.getHeader("Authorization", String.class))) {
            throw new ApiProblem(401, "a valid token is needed: Authorization: Bearer <token>");
        }
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        String origin = in.getHeader("Origin", String.class);
        if ("POST".equalsIgnoreCase(method) && origin != null && !isOwnOrigin(origin, in.getHeader(Exchange.HTTP_URL, String.class))) {
            throw new ApiProblem(403, "cross-origin requests are refused");
        }
        // platform-http answers with the message's headers: the token must not travel back
        in.removeHeaders("Authorization|Cookie|Origin|Referer");
    }

    private boolean tokenMatches(String authorization) {
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                settings.token().value().getBytes(StandardCharsets.UTF_8));
    }

    /** The request's own origin is the scheme and authority of the URL it was sent to (its Host header). */
    private static boolean isOwnOrigin(String origin, String requestUrl) {
        if (requestUrl == null) {
            return false;
        }
        URI url = URI.create(requestUrl);
        return origin.equalsIgnoreCase(url.getScheme() + "://" + url.getRawAuthority());
    }

    /**
     * {@code POST /api/runs} and its cancel on a standby: 503 with the leader's id (null while none is
     * known), since only the leader runs and a standby has no run to cancel. The caller retries there.
     *
     * @param action what only the leader does, for the message: "runs start"
     */
    public void requireLeader(String action) {
        if (role.isLeader()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("leader", role.leaderId().orElse(null));
        details.put("node", role.nodeId().orElse(null));
        throw new ApiProblem(503, "standby: " + action + " on the leader", details);
    }

    /**
     * {@code POST /api/runs}: checks the request like an inbox file, refuses while a run is in flight,
     * and sets the headers of the run to start; the route then hands it to {@code direct:run-analysis}.
     */
    public void acceptRun(Exchange exchange) {
        Message in = exchange.getMessage();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(415, "send the request as application/json");
        }
        List<String> problems = requests.applyRequest(in.getBody(String.class), in);
        if (!problems.isEmpty()) {
            throw new ApiProblem(400, String.join("; ", problems));
        }
        AnalysisRun current = runs.current();
        if (current != null) {
            throw new ApiProblem(409, "a run is in flight; runs never overlap", Map.of("runId", current.runId()));
        }
        in.setHeader(RunRequest.TRIGGER_HEADER, TRIGGER);
        in.setHeader(RunRequest.RUN_ID_HEADER, RunRequest.newRunId(Instant.now(), role.nodeId().orElse(null)));
    }

    /** The answer to an accepted run: 202, where to find it, and its id. */
    public String accepted(Exchange exchange) throws JsonProcessingException {
        String runId = exchange.getMessage().getHeader(RunRequest.RUN_ID_HEADER, String.class);
        Message out = exchange.getMessage();
        out.removeHeaders("monitor*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        out.setHeader("Location", "/api/runs/" + runId);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(Map.of("runId", runId));
    }

    /** {@code POST /api/runs/current/cancel}, after {@code direct:cancel-analysis}: the body is the cancelled run. */
    public String cancelled(Exchange exchange) throws JsonProcessingException {
        AnalysisRun run = exchange.getMessage().getBody(AnalysisRun.class);
        if (run == null) {
            throw new ApiProblem(409, "no run is in flight");
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(Map.of("runId", run.runId(), "status", "cancelling"));
    }

    /** Any answer body as JSON, with its content type. */
    public String ok(Exchange exchange, Object body) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return json.writeValueAsString(body);
    }

    /** A refused request: its status and {@code {"error": ...}}. */
    public String problem(Exchange exchange) throws JsonProcessingException {
        ApiProblem problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiProblem.class);
        return error(exchange, problem.status(), problem.getMessage(), problem.details());
    }

    /** A fault of ours: logged, and answered 500 without any of its text. */
    public String failure(Exchange exchange) throws JsonProcessingException {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("HTTP API request failed: {}", e == null ? "unknown" : e.toString());
        return error(exchange, 500, "internal error; see the service log", null);
    }

    private String error(Exchange exchange, int status, String message, Object details) throws JsonProcessingException {
        Message out = exchange.getMessage();
        out.removeHeaders("monitor*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (details instanceof Map<?, ?> map) {
            map.forEach((key, value) -> body.put(key.toString(), value));
        }
        return json.writeValueAsString(body);
    }
}

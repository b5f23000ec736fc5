package com.example.monitor.http;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.InvalidRunRequestException;
import com.example.monitor.run.RunRequest;
import com.example.monitor.run.RunRequestReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the HTTP API that routes cannot say well: the standby's refusal to start or cancel
 * runs, the run request (read by the inbox's own reader), and JSON answers with their status codes.
 * The token, the Host, the origin and the content type are checked before, by {@link HttpPerimeter}.
 */
public final class ApiRequests {

    /** Its name in the registry, as the http-api routes name it. */
    public static final String BEAN = "httpApi";

    /** Requests are a few bytes; anything past this is refused before it is read. */
    public static final long MAX_BODY_BYTES = RunRequest.MAX_BYTES;
    public static final String TRIGGER = "http";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRequests.class);

    private final AnalysisRuns runs;
    private final RunRequestReader reader;
    private final ClusterRole role;
    private final ObjectMapper json = new ObjectMapper();

    /** @param role this replica's role: only the leader runs, and its id goes into the run ids it makes */
    public ApiRequests(AnalysisRuns runs, RunRequestReader reader, ClusterRole role) {
        this.runs = runs;
        this.reader = reader;
        this.role = role;
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
     * {@code POST /api/runs}: reads the body like an inbox file, refuses while a run is in flight, and
     * makes the message the run's request and nothing else: every header goes, and the checked
     * {@link RunRequest} travels as the exchange property to {@code direct:run-analysis}.
     */
    public void acceptRun(Exchange exchange) {
        Message in = exchange.getMessage();
        RunRequest request;
        try {
            request = reader.read(in.getBody(byte[].class), TRIGGER);
        } catch (InvalidRunRequestException e) {
            throw new ApiProblem(400, e.getMessage());
        }
        AnalysisRun current = runs.current();
        if (current != null) {
            throw new ApiProblem(409, "a run is in flight; runs never overlap", Map.of("runId", current.runId()));
        }
        in.removeHeaders("*");
        in.setBody(null);
        exchange.setProperty(MonitorConstants.RUN_REQUEST_PROPERTY,
                request.withRunId(RunRequest.newRunId(Instant.now(), role.nodeId().orElse(null))));
    }

    /** The answer to an accepted run: 202, where to find it, and its id. */
    public String accepted(Exchange exchange) throws JsonProcessingException {
        String runId = exchange.getProperty(MonitorConstants.RUN_REQUEST_PROPERTY, RunRequest.class).runId();
        Message out = exchange.getMessage();
        out.removeHeaders("*");
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
        out.removeHeaders("*");
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

package com.example.monitor.run;

import com.example.monitor.config.StartDates;
import com.example.monitor.exchange.MonitorConstants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.apache.camel.Message;

/**
 * What a run is asked for, checked once: the start date or the look-back (neither: the settings'),
 * what started it (and the inbox request file, for a file), and a run id chosen before it starts (null:
 * the run picks one). The HTTP API and the inbox send it to {@code direct:run-analysis} as the exchange
 * property {@value MonitorConstants#RUN_REQUEST_PROPERTY}; the command line, the trigger routes and a
 * team's own routes may send the documented headers instead, which are checked against the same bounds
 * ({@link #fromHeaders}).
 */
public record RunRequest(LocalDateTime startDate, Integer lookbackDays, String trigger, String requestFile,
                         String runId) {

    /** Where every trigger sends its request: the core route run-analysis consumes from it. */
    public static final String ENDPOINT = "direct:run-analysis";

    /** The largest request, in a file or an HTTP body: anything bigger is refused before it is read. */
    public static final int MAX_BYTES = 64 * 1024;

    public RunRequest {
        if (startDate != null && !StartDates.inRange(startDate)) {
            throw new IllegalArgumentException("start date " + startDate + " is outside " + StartDates.YEARS);
        }
        if (lookbackDays != null && !StartDates.lookbackInRange(lookbackDays)) {
            throw new IllegalArgumentException("lookback days " + lookbackDays + " is not " + StartDates.LOOKBACK_RANGE);
        }
        if (startDate != null && lookbackDays != null) {
            throw new IllegalArgumentException("give a start date or lookback days, not both");
        }
        if (runId != null && RunId.parse(runId).isEmpty()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not of the form " + RunId.FORM);
        }
    }

    /** Nothing asked: the settings' start date, started by {@code trigger}. */
    public static RunRequest of(String trigger) {
        return new RunRequest(null, null, trigger, null, null);
    }

    public RunRequest withTrigger(String newTrigger) {
        return new RunRequest(startDate, lookbackDays, newTrigger, requestFile, runId);
    }

    public RunRequest withRequestFile(String newRequestFile) {
        return new RunRequest(startDate, lookbackDays, trigger, newRequestFile, runId);
    }

    public RunRequest withRunId(String newRunId) {
        return new RunRequest(startDate, lookbackDays, trigger, requestFile, newRunId);
    }

    /**
     * A request given as the documented headers (the command line, a trigger or a team route), with the
     * same checks as a request file's.
     *
     * @throws IllegalArgumentException naming the header
     */
    public static RunRequest fromHeaders(Message message) {
        Object startDate = message.getHeader(MonitorConstants.START_DATE_HEADER);
        Object lookback = message.getHeader(MonitorConstants.LOOKBACK_DAYS_HEADER);
        LocalDateTime start = header(MonitorConstants.START_DATE_HEADER, () -> startDate instanceof LocalDateTime dateTime
                ? StartDates.checked(dateTime) : startDate == null ? null : StartDates.parse(startDate.toString()));
        Integer days = header(MonitorConstants.LOOKBACK_DAYS_HEADER, () -> lookback == null ? null
                : StartDates.parseLookbackDays(lookback.toString()));
        String runId = message.getHeader(MonitorConstants.RUN_ID_HEADER, String.class);
        if (runId != null && RunId.parse(runId).isEmpty()) {
            throw new IllegalArgumentException("header " + MonitorConstants.RUN_ID_HEADER + ": '" + runId
                    + "' is not of the form " + RunId.FORM + "; it names the report file");
        }
        return new RunRequest(start, days, message.getHeader(MonitorConstants.TRIGGER_HEADER, String.class), null,
                runId);
    }

    private static <T> T header(String name, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header " + name + ": " + e.getMessage(), e);
        }
    }

    /** A new run id as its header carries it: see {@link RunId}. */
    public static String newRunId(Instant at, String node) {
        return RunId.next(at, node).toString();
    }
}

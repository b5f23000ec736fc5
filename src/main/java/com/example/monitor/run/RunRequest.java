package com.example.monitor.run;

import java.time.Instant;

/**
 * The headers a request for a run carries into {@code direct:run-analysis}, whoever sends it: the
 * command line, a trigger route, the HTTP API or a team's own route. None is required.
 */
public final class RunRequest {

    /** Where every trigger sends its request: the core route run-analysis consumes from it. */
    public static final String ENDPOINT = "direct:run-analysis";

    /** What started the run: cli, schedule, file:&lt;name&gt;, http, or a route's own word. */
    public static final String TRIGGER_HEADER = "monitorTrigger";

    /** The start date: a LocalDateTime, or text in any form a start date may be written. */
    public static final String START_DATE_HEADER = "monitorStartDate";

    /** Days back from today's midnight, when no start date is given. */
    public static final String LOOKBACK_DAYS_HEADER = "monitorLookbackDays";

    /**
     * A run id chosen by the caller before the run starts, so it can answer with it at once (HTTP); the
     * run's id on the messages to team routes too.
     */
    public static final String RUN_ID_HEADER = "monitorRunId";

    /** The largest request, in a file or an HTTP body: anything bigger is refused before it is read. */
    public static final int MAX_BYTES = 64 * 1024;

    private RunRequest() {
    }

    /** A new run id as its header carries it: see {@link RunId}. */
    public static String newRunId(Instant at, String node) {
        return RunId.next(at, node).toString();
    }
}

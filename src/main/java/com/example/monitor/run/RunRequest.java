package com.example.monitor.run;

/**
 * The headers a request for a run carries into {@code direct:run-analysis}, whoever sends it: the
 * command line, a trigger route, the HTTP API or a team's own route. None is required.
 */
public final class RunRequest {

    /** What started the run: cli, schedule, file:&lt;name&gt;, http, or a route's own word. */
    public static final String TRIGGER_HEADER = "monitorTrigger";

    /** The start date: a LocalDateTime, or text in any form a start date may be written. */
    public static final String START_DATE_HEADER = "monitorStartDate";

    /** Days back from today's midnight, when no start date is given. */
    public static final String LOOKBACK_DAYS_HEADER = "monitorLookbackDays";

    private RunRequest() {
    }
}

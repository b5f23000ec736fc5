package com.example.monitor.exchange;

/**
 * The names of the exchange properties and headers the routes and beans share, declared once, as
 * camel-sql's {@code SqlConstants} does. The headers are documented for team routes: their names never
 * change.
 */
public final class MonitorConstants {

    // Headers: documented, read and written by the triggers and the team routes

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

    /** The report file of a finished run, on the messages to team routes. */
    public static final String REPORT_FILE_HEADER = "monitorReportFile";

    /** Where camel-sql leaves a query's open row iterator (the run-query route's outputHeader). */
    public static final String ROWS_HEADER = "monitorRows";

    // Exchange properties

    /** A checked run request; it wins over the headers. */
    public static final String RUN_REQUEST_PROPERTY = "monitorRunRequest";

    /** The run in flight, from begin to finish. */
    public static final String RUN_PROPERTY = "analysisRun";

    /** The row-free report of a finished run, for the team routes and the caller. */
    public static final String REPORT_PROPERTY = "analysisReport";

    /** Set instead of {@link #REPORT_PROPERTY} when the report could not be written: why. */
    public static final String REPORT_ERROR_PROPERTY = "analysisReportError";

    /** One database's branch of a run (a DatabaseStep), copied by Camel to each of its queries. */
    public static final String DATABASE_STEP_PROPERTY = "monitorDatabase";

    /** One query's step (a QueryStep); the run-query route reads its endpoint options from it. */
    public static final String QUERY_STEP_PROPERTY = "monitorQuery";

    /** How camel-sql's statement is bound and bounded (a StatementOptions). */
    public static final String STATEMENT_OPTIONS_PROPERTY = "monitorStatement";

    /** Whether an inbox request file could be read as a request. */
    public static final String REQUEST_VALID_PROPERTY = "requestValid";

    private MonitorConstants() {
        // Utility class
    }
}

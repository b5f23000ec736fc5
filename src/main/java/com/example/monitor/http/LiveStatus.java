package com.example.monitor.http;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.Schedule;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReportJson;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunListener;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What the status page and {@code /api/runs/current} show: the run in flight (or the last one since
 * the service started) in the report's shape without rows, the progress events it has had, when
 * the schedule runs next, and this replica's role. The run's own state is the source; this bean
 * only keeps the events.
 */
public final class LiveStatus extends EventNotifierSupport implements RunListener {

    /** Its name in the registry, as the http-api routes name it. */
    public static final String BEAN = "liveStatus";

    /** A run has a few events per query; this bounds a pathological one. */
    static final int MAX_EVENTS = 5000;

    private final RunReportJson json = new RunReportJson();
    private final AnalysisRuns runs;
    private final NextScheduledRun nextRun;
    private final ClusterRole role;
    private final Clock clock;
    private final Path outputDir;
    private volatile AnalysisRun last;
    private final List<Map<String, Object>> events = new ArrayList<>();

    /** @param outputDir where the reports go: a run whose report is there is no longer in flight */
    public LiveStatus(AnalysisRuns runs, Schedule schedule, ClusterRole role, Clock clock, Path outputDir) {
        this.runs = runs;
        this.nextRun = new NextScheduledRun(schedule, clock);
        this.outputDir = outputDir;
        this.role = role;
        this.clock = clock;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ProgressEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        ProgressEvent progress = (ProgressEvent) event;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.ofEpochMilli(progress.getTimestamp()).toString());
        entry.put("database", progress.database());
        entry.put("query", progress.query());
        entry.put("status", progress.status());
        entry.put("rows", progress.rows());
        entry.put("elapsedMs", progress.elapsedMs());
        entry.put("error", progress.error());
        synchronized (events) {
            AnalysisRun run = last;
            if (run != null && run.runId().equals(progress.runId()) && events.size() < MAX_EVENTS) {
                events.add(entry);
            }
        }
    }

    @Override
    public void runStarted(AnalysisRun run) {
        synchronized (events) {
            events.clear();
            last = run;
        }
    }

    @Override
    public void runEnded(AnalysisRun run) {
        nextRun.runEnded(run);
    }

    /**
     * {@code GET /api/runs/current}: the run in flight, or null when none is. A run stays current for
     * a moment after its report is written (the listeners hear of its end first), but a client that
     * sees it finished must find its report, so a finished run with a report on disk is no longer shown.
     */
    public ObjectNode current() {
        AnalysisRun run = runs.current();
        if (run == null || run.finishedAt() != null && Files.exists(outputDir.resolve(run.runId() + ".json"))) {
            return null;
        }
        return snapshot(run);
    }

    /** {@code GET /api/status}: the panel's data, polled by the page. */
    public Map<String, Object> status() {
        AnalysisRun inFlight = runs.current();
        AnalysisRun shown = inFlight != null ? inFlight : last;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("inFlight", inFlight != null);
        status.put("run", shown == null ? null : snapshot(shown));
        synchronized (events) {
            status.put("events", shown != null && shown == last ? List.copyOf(events) : List.of());
        }
        status.put("schedule", nextRun.schedule() == null ? null : nextRun.schedule().toString());
        Instant next = nextRun.next();
        status.put("nextRunAt", next == null ? null : next.toString());
        status.put("now", clock.instant().toString());
        status.put("replica", replica());
        return status;
    }

    /** Asked at each poll, so a failover shows: {@code role} is alone, leader or standby. */
    private Map<String, Object> replica() {
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("role", !role.isClustered() ? "alone" : role.isLeader() ? "leader" : "standby");
        replica.put("id", role.nodeId().orElse(null));
        replica.put("leader", role.leaderId().orElse(null));
        return replica;
    }

    /**
     * The run as the report will have it, without rows or columns ({@link RunReport.Views.Live}); a
     * running query's time counts up from its start.
     */
    ObjectNode snapshot(AnalysisRun run) {
        RunReport report = RunReport.of(run, outputDir.resolve(run.runId() + ".json")).withQueries((database, query) ->
                query.queryStatus() == QueryStatus.RUNNING ? query.withElapsedMs(runningFor(run, database.name(), query.name()))
                        : query);
        return json.render(report, RunReport.Views.Live.class);
    }

    private long runningFor(AnalysisRun run, String database, String query) {
        synchronized (events) {
            if (run != last) {
                return 0;
            }
            for (int i = events.size() - 1; i >= 0; i--) {
                Map<String, Object> event = events.get(i);
                if (database.equals(event.get("database")) && query.equals(event.get("query"))) {
                    return Math.max(0, clock.millis() - Instant.parse((String) event.get("at")).toEpochMilli());
                }
            }
            return 0;
        }
    }
}

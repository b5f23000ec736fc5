package com.example.monitor.http;

import com.example.monitor.config.MonitorSettings;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.DatabaseOutcome;
import com.example.monitor.run.QueryOutcome;
import com.example.monitor.run.QueryStatus;
import com.example.monitor.run.RunListener;
import com.example.monitor.run.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's Prometheus metrics, from each finished run (its outcomes are all there), named by
 * Prometheus conventions once Micrometer renders them: {@code monitor_runs_total},
 * {@code monitor_run_duration_seconds}, {@code monitor_run_in_progress},
 * {@code monitor_query_duration_seconds}, {@code monitor_query_rows},
 * {@code monitor_database_status} and {@code monitor_database_last_success_timestamp_seconds}.
 *
 * <p>What an alert reads exists before the first run ends: the run counters at 0 (Prometheus'
 * {@code increase()} sees nothing in a series born at 1), and a state for every configured database,
 * taken from the newest reports on disk, so a restart changes nothing an alert sees. A report this
 * process did not write (another replica's, in a shared output folder) is taken in at the next
 * scrape, so a standby's series follow the leader's runs instead of going stale.
 */
public final class RunMetrics implements RunListener {

    /** The ways a finished run ends. */
    static final Set<RunStatus> ENDINGS = EnumSet.of(RunStatus.COMPLETED, RunStatus.PARTIAL, RunStatus.CANCELLED);
    /** Each database's series are read once per scrape: the folder is listed once for them all. */
    private static final long LOOK_AGAIN_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Logger LOG = LoggerFactory.getLogger(RunMetrics.class);

    private final MeterRegistry registry;
    private final RunHistory history;
    private final AtomicLong lastLook = new AtomicLong(System.nanoTime());
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> queryRows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<DatabaseState>> states = new ConcurrentHashMap<>();

    /**
     * @param triggers  the kinds of trigger this process can start runs with (see {@link #triggersOf})
     * @param databases the configured databases, each in a state series from now on
     * @param history   the reports on disk, which {@link #seedFromReports} and each scrape read
     */
    public RunMetrics(MeterRegistry registry, AnalysisRuns runs, Collection<String> triggers,
                      Collection<String> databases, RunHistory history) {
        this.registry = registry;
        this.history = history;
        Gauge.builder("monitor.run.in.progress", runs, r -> r.isBusy() ? 1 : 0)
                .description("1 while a run is in flight, else 0")
                .register(registry);
        triggers.forEach(this::registerTrigger);
        databases.forEach(this::state);
    }

    /**
     * The triggers the settings give this service: the HTTP API always (there are no metrics without
     * the server), the schedule, the run at start and the inbox when they are set.
     */
    public static Set<String> triggersOf(MonitorSettings settings) {
        Set<String> triggers = new LinkedHashSet<>();
        if (settings.schedule() != null) {
            triggers.add("schedule");
        }
        if (settings.scheduleAtStart()) {
            triggers.add("start");
        }
        if (settings.inboxDir() != null) {
            triggers.add(AnalysisRun.FILE_TRIGGER);
        }
        triggers.add(ApiRequests.TRIGGER);
        return triggers;
    }

    /** Takes each configured database's state and last success from the newest reports on disk. */
    public RunMetrics seedFromReports() {
        seen.addAll(history.runIds());
        return seed(history.newestFirst());
    }

    /**
     * Takes each configured database's state and last success from the newest reports that have
     * them, reading no further than needed, and at most {@link RunHistory#MAX_LIMIT} reports.
     */
    RunMetrics seed(Stream<RecordedRun> newestFirst) {
        Set<String> withoutState = new HashSet<>(states.keySet());
        Set<String> withoutSuccess = new HashSet<>(states.keySet());
        Iterator<RecordedRun> runs = newestFirst.limit(RunHistory.MAX_LIMIT).iterator();
        while ((!withoutState.isEmpty() || !withoutSuccess.isEmpty()) && runs.hasNext()) {
            RecordedRun run = runs.next();
            run.databases().forEach((database, state) -> {
                if (withoutState.remove(database)) {
                    state(database).set(state);
                }
                if (state == DatabaseState.COMPLETED && run.finishedAt() != null && withoutSuccess.remove(database)) {
                    succeeded(database, run.finishedAt());
                }
            });
        }
        return this;
    }

    /** A trigger no setting names (a team route's own word) is still at 0 while its first run is in flight. */
    @Override
    public void runStarted(AnalysisRun run) {
        registerTrigger(triggerKind(run.trigger()));
    }

    @Override
    public void runEnded(AnalysisRun run) {
        seen.add(run.runId());
        runs(triggerKind(run.trigger()), run.status()).increment();
        Timer.builder("monitor.run.duration")
                .description("Time from a run's start to its report")
                .register(registry).record(Duration.ofMillis(run.elapsedMs()));
        for (DatabaseOutcome database : run.databases()) {
            database.queries().forEach(query -> record(database.name(), query));
            DatabaseState.of(database).ifPresent(state -> {
                state(database.name()).set(state);
                if (state == DatabaseState.COMPLETED && run.finishedAt() != null) {
                    succeeded(database.name(), run.finishedAt());
                }
            });
        }
    }

    /**
     * A report whose run did not end here was written by another process. Called from a scrape, at
     * most once a second; when nothing is new, it costs one listing of the folder.
     */
    private void takeInNewerReports() {
        long now = System.nanoTime();
        long last = lastLook.get();
        if (now - last < LOOK_AGAIN_NANOS || !lastLook.compareAndSet(last, now)) {
            return;
        }
        try {
            if (!seen.containsAll(history.runIds())) {
                seedFromReports();
            }
        } catch (UncheckedIOException e) {
            LOG.warn("database series not refreshed from the reports: {}", e.getMessage());
        }
    }

    private void registerTrigger(String trigger) {
        ENDINGS.forEach(status -> runs(trigger, status));
    }

    private Counter runs(String trigger, RunStatus status) {
        return Counter.builder("monitor.runs")
                .description("Finished runs by what started them and how they ended")
                .tag("trigger", trigger)
                .tag("status", status.label())
                .register(registry);
    }

    /** One series per state, one of them 1: a state that is absent is 0, not missing. */
    private AtomicReference<DatabaseState> state(String database) {
        return states.computeIfAbsent(database, name -> {
            AtomicReference<DatabaseState> state = new AtomicReference<>(DatabaseState.NONE);
            for (DatabaseState each : DatabaseState.values()) {
                Gauge.builder("monitor.database.status", state, s -> {
                            takeInNewerReports();
                            return s.get() == each ? 1 : 0;
                        })
                        .description("1 for how the database's last run ended (none: no run on record), else 0")
                        .tag("database", name).tag("status", each.label())
                        .register(registry);
            }
            return state;
        });
    }

    private void succeeded(String database, Instant at) {
        gauge(lastSuccess, "monitor.database.last.success.timestamp.seconds", database, null,
                "When every query of the database last completed, in Unix seconds")
                .set(at.getEpochSecond());
    }

    private void record(String database, QueryOutcome query) {
        if (query.status() == QueryStatus.PENDING || query.status() == QueryStatus.SKIPPED) {
            return;
        }
        Timer.builder("monitor.query.duration")
                .description("Time of each query, by how it ended")
                .tag("database", database).tag("query", query.name()).tag("status", query.status().label())
                .register(registry).record(Duration.ofMillis(query.elapsedMs()));
        if (query.rowCount() != null) {
            gauge(queryRows, "monitor.query.rows", database, query.name(), "Rows of the query's last completed run")
                    .set(query.rowCount());
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String database, String query,
                             String description) {
        String key = query == null ? database : database + '\u0000' + query;
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> gauge = Gauge.builder(name, value, AtomicLong::doubleValue)
                    .description(description).tag("database", database);
            if (query != null) {
                gauge.tag("query", query);
            }
            gauge.register(registry);
            return value;
        });
    }

    /** A route's own {@code kind:detail} counts as {@code kind}: one series per kind of trigger, not per detail. */
    static String triggerKind(String trigger) {
        int colon = trigger.indexOf(':');
        return colon < 0 ? trigger : trigger.substring(0, colon);
    }
}

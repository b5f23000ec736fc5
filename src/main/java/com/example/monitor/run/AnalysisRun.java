package com.example.monitor.run;

import com.example.monitor.config.DatabaseConfig;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one run, shared by every database branch through an exchange property (split copies
 * are shallow), so no status is ever rebuilt from headers.
 */
public final class AnalysisRun {

    /** The trigger of a run started by an inbox request, whose file is then {@link #requestFile()}. */
    public static final String FILE_TRIGGER = "file";

    private final String runId;
    private final String node;
    private final String trigger;
    private final String requestFile;
    private final LocalDateTime startDate;
    private final Instant startedAt;
    private final Map<String, DatabaseOutcome> databases = new LinkedHashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean cancelledBeforeStart;
    private volatile Instant finishedAt;

    /**
     * {@code node}: the id of the replica that runs it, {@code null} for a process without a cluster
     * service; {@code requestFile}: the inbox request's name, {@code null} for a run no file started.
     */
    public AnalysisRun(String runId, String node, String trigger, String requestFile, LocalDateTime startDate,
                       Instant startedAt, List<DatabaseConfig> databases) {
        this.runId = runId;
        this.node = node;
        this.trigger = trigger;
        this.requestFile = requestFile;
        this.startDate = startDate;
        this.startedAt = startedAt;
        for (DatabaseConfig database : databases) {
            this.databases.put(database.name(), new DatabaseOutcome(database));
        }
    }

    public String runId() {
        return runId;
    }

    public String node() {
        return node;
    }

    public String trigger() {
        return trigger;
    }

    /**
     * What started the run as the report, the start log line and the {@code monitorTrigger} header
     * write it: the trigger, with the file for an inbox request ({@code file:<name>}).
     */
    public String reportedTrigger() {
        return requestFile == null ? trigger : trigger + ":" + requestFile;
    }

    public LocalDateTime startDate() {
        return startDate;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long elapsedMs() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        return end.toEpochMilli() - startedAt.toEpochMilli();
    }

    public List<DatabaseOutcome> databases() {
        return Collections.unmodifiableList(new ArrayList<>(databases.values()));
    }

    public DatabaseOutcome database(String name) {
        DatabaseOutcome outcome = databases.get(name);
        if (outcome == null) {
            throw new IllegalArgumentException("run " + runId + " has no database '" + name + "'");
        }
        return outcome;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @return true for the call that actually cancelled the run */
    public boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    /** A run whose turn came after the service began to stop: reported, never started. */
    void cancelBeforeStart() {
        cancelledBeforeStart = true;
        cancel();
    }

    public boolean wasCancelledBeforeStart() {
        return cancelledBeforeStart;
    }

    /** The inbox request file that started the run, or null. */
    public String requestFile() {
        return requestFile;
    }

    public void finish(Instant at) {
        finishedAt = at;
    }

    public RunStatus status() {
        if (cancelled.get()) {
            return RunStatus.CANCELLED;
        }
        if (finishedAt == null) {
            return RunStatus.RUNNING;
        }
        for (DatabaseOutcome database : databases.values()) {
            for (QueryOutcome query : database.queries()) {
                if (query.status() != QueryStatus.COMPLETED) {
                    return RunStatus.PARTIAL;
                }
            }
        }
        return RunStatus.COMPLETED;
    }
}

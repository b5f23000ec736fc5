package com.example.monitor.http;

import com.example.monitor.config.Schedule;
import com.example.monitor.run.AnalysisRun;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.quartz.CronExpression;

/**
 * When the schedule starts the next run, for the status page: a cron's next fire time; a period timer
 * ticks a period after the service started or its last scheduled run ended.
 */
final class NextScheduledRun {

    private final Schedule schedule;
    private final Clock clock;
    private final Instant serviceStart;
    private volatile Instant lastScheduledEnd;

    /** @param schedule null for a service without one */
    NextScheduledRun(Schedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
        this.serviceStart = clock.instant();
    }

    Schedule schedule() {
        return schedule;
    }

    void runEnded(AnalysisRun run) {
        if ("schedule".equals(run.trigger())) {
            lastScheduledEnd = run.finishedAt();
        }
    }

    /** Null without a schedule, or for a cron that never fires again. */
    Instant next() {
        if (schedule == null) {
            return null;
        }
        if (schedule.cron() != null) {
            try {
                Date next = new CronExpression(schedule.cron()).getNextValidTimeAfter(Date.from(clock.instant()));
                return next == null ? null : next.toInstant();
            } catch (java.text.ParseException e) {
                return null;
            }
        }
        Instant from = lastScheduledEnd != null ? lastScheduledEnd : serviceStart;
        return from.plus(schedule.period());
    }
}

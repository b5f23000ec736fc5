package com.example.monitor.config;

import java.time.Duration;
import org.quartz.CronExpression;

/**
 * When service mode starts runs by itself: a Quartz cron expression ({@code 0 0 6 * * ?}) or a fixed
 * period ({@code 30m}). Turned into the endpoint URI of the scheduled-run route.
 */
public record Schedule(String cron, Duration period) {

    public static Schedule parse(String text) {
        String value = text.trim();
        if (value.contains(" ")) {
            if (!CronExpression.isValidExpression(value)) {
                throw new IllegalArgumentException(Quoted.of(value) + " is not a Quartz cron expression"
                        + " (seconds minutes hours day-of-month month day-of-week, e.g. 0 0 6 * * ?)");
            }
            return new Schedule(value, null);
        }
        try {
            return new Schedule(null, Durations.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Quoted.of(value) + " is neither a Quartz cron expression (0 0 6 * * ?)"
                    + " nor a period (30m, 2s)");
        }
    }

    /**
     * A period timer runs its route synchronously, so its own ticks never pile up. Quartz fires each
     * tick on its own thread and the route skips one that comes while a run is in flight; a stateful
     * Quartz job would instead queue the tick and fire it late, right after the run.
     */
    public String endpointUri() {
        if (cron != null) {
            return "quartz:monitor/schedule?cron=" + cron.replace(' ', '+');
        }
        long millis = period.toMillis();
        return "timer:monitor-schedule?synchronous=true&fixedRate=false&delay=" + millis + "&period=" + millis;
    }

    @Override
    public String toString() {
        return cron != null ? "cron " + cron : "every " + period;
    }
}

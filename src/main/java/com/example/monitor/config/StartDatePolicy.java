package com.example.monitor.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Decides a run's {@code start_date}: a fixed value when one is configured, otherwise midnight
 * {@code lookbackDays} ago in {@code zone}, evaluated when the run starts (a service runs for days).
 */
public record StartDatePolicy(LocalDateTime fixed, int lookbackDays, ZoneId zone) {

    public LocalDateTime resolve(Clock clock) {
        if (fixed != null) {
            return fixed;
        }
        return lookback(lookbackDays, clock);
    }

    public LocalDateTime lookback(int days, Clock clock) {
        return LocalDate.now(clock.withZone(zone)).minusDays(days).atStartOfDay();
    }
}

package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The forms a start date may be typed in, wherever it is read. */
class StartDatesTest {

    @Test
    void aDateIsMidnight() {
        assertThat(StartDates.parse("2026-10-01")).isEqualTo(LocalDateTime.of(2026, 10, 1, 0, 0));
    }

    @Test
    void aDateTimeWithATeeOrASpaceIsTheSame() {
        LocalDateTime sixAm = LocalDateTime.of(2026, 10, 1, 6, 0);
        assertThat(StartDates.parse("2026-10-01T06:00:00")).isEqualTo(sixAm);
        assertThat(StartDates.parse("2026-10-01 06:00:00")).isEqualTo(sixAm);
        assertThat(StartDates.parse("2026-10-01 06:00")).isEqualTo(sixAm);
        assertThat(StartDates.parse("2026-10-01 06:00:00.250")).isEqualTo(sixAm.plusNanos(250_000_000));
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedForms() {
        for (String bad : new String[] {"yesterday", "01/10/2026", "2026-10-01  06:00:00", "2026-10-01T 06:00",
            "2026-13-01", "2026-10-01 25:00:00"}) {
            assertThatThrownBy(() -> StartDates.parse(bad)).as(bad)
                    .hasMessage("'" + bad + "' is not a date; use 2026-10-01, 2026-10-01T06:00:00 or 2026-10-01 06:00:00");
        }
    }
}

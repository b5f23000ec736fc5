package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written ISO text must be exactly what java.time's ISO formatters write, for every value. */
class IsoDateTimesTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(20261128);
    private final char[] buffer = new char[IsoDateTimes.MAX_LENGTH];

    @Test
    void writesDateTimesExactlyAsTheIsoFormatterDoes() {
        List<LocalDateTime> edges = List.of(
                LocalDateTime.of(2026, 11, 28, 0, 0),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 1),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 100_000_000),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 120_000_000),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 999_999_999),
                LocalDateTime.of(0, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(10_000, 1, 1, 0, 0),
                LocalDateTime.of(-1, 12, 31, 23, 59),
                LocalDateTime.MIN,
                LocalDateTime.MAX);
        for (LocalDateTime value : edges) {
            assertThat(format(value)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
        }
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime value = randomDateTime();
            assertThat(format(value)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
        }
    }

    @Test
    void writesOffsetDateTimesExactlyAsTheIsoFormatterDoes() {
        List<ZoneOffset> offsets = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHoursMinutes(-9, -30),
                ZoneOffset.ofHoursMinutesSeconds(5, 30, 15), ZoneOffset.MAX, ZoneOffset.MIN);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime value = OffsetDateTime.of(randomDateTime(), offsets.get(i % offsets.size()));
            assertThat(new String(buffer, 0, IsoDateTimes.format(value, buffer)))
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
        OffsetDateTime widest = OffsetDateTime.of(LocalDateTime.MAX, ZoneOffset.ofHoursMinutesSeconds(-17, -59, -59));
        assertThat(new String(buffer, 0, IsoDateTimes.format(widest, buffer)))
                .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(widest));
    }

    @Test
    void writesDatesExactlyAsTheIsoFormatterDoes() {
        for (LocalDate value : List.of(LocalDate.of(2026, 2, 28), LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(10_000, 1, 1), LocalDate.of(-44, 3, 15), LocalDate.MIN, LocalDate.MAX)) {
            assertThat(new String(buffer, 0, IsoDateTimes.format(value, buffer)))
                    .isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE.format(value));
        }
        for (int i = 0; i < 20_000; i++) {
            LocalDate value = randomDateTime().toLocalDate();
            assertThat(new String(buffer, 0, IsoDateTimes.format(value, buffer)))
                    .isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE.format(value));
        }
    }

    private String format(LocalDateTime value) {
        return new String(buffer, 0, IsoDateTimes.format(value, buffer));
    }

    /** Mostly ordinary years, with fractions of every length, and some far outside 0000-9999. */
    private static LocalDateTime randomDateTime() {
        int year = RANDOM.nextInt(20) == 0 ? RANDOM.nextInt(-50_000, 50_000) : RANDOM.nextInt(0, 10_000);
        int nanos = switch (RANDOM.nextInt(4)) {
            case 0 -> 0;
            case 1 -> RANDOM.nextInt(1000) * 1_000_000;
            case 2 -> RANDOM.nextInt(1_000_000) * 1000;
            default -> RANDOM.nextInt(1_000_000_000);
        };
        return LocalDateTime.of(LocalDate.ofYearDay(year, RANDOM.nextInt(1, 366)),
                LocalTime.of(RANDOM.nextInt(24), RANDOM.nextInt(60), RANDOM.nextInt(60), nanos));
    }
}

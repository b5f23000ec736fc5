package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.config.RowsFormat;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.testing.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** The report of a run on a replica, in an output folder other replicas share. */
class RunReporterTest {

    @TempDir
    Path output;

    @Test
    void theReportNamesTheReplicaAndASpoolLeftByARunLostWithItsLeaderIsLeftAloneWithoutWarnings() throws Exception {
        Path lost = Files.createDirectories(output.resolve(".spool/20261129T060000Z-n1-0badc0de"));
        Files.writeString(lost.resolve("rows.json"), "[");
        RunReporter reporter = new RunReporter(output, PosixFilePermissions.fromString("rw-------"), RowsFormat.JSON);
        AnalysisRun run = new AnalysisRun("20261129T060200Z-n2-5ca1ab1e", "n2", "schedule", null,
                LocalDateTime.parse("2026-10-30T00:00:00"), Instant.parse("2026-11-29T06:02:00Z"), List.of());
        Files.createDirectories(reporter.spools().folder(run));
        Files.writeString(reporter.spools().folder(run).resolve("rows.json"), "[]");

        try (LogCapture warnings = LogCapture.atLevel(Level.WARN)) {
            RunReport report = reporter.report(run);

            assertThat(report.node()).isEqualTo("n2");
            assertThat(warnings.lines()).isEmpty();
        }
        JsonNode written = new ObjectMapper().readTree(output.resolve("20261129T060200Z-n2-5ca1ab1e.json").toFile());
        assertThat(written.get("node").asText()).isEqualTo("n2");
        assertThat(reporter.spools().folder(run)).doesNotExist();
        assertThat(lost.resolve("rows.json")).as("the other run's spool").exists();
    }
}

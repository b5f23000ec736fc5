package com.example.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProgressRecorder;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Databases run at the same time, as many as monitor.max-parallel-databases allows. */
class ParallelDatabasesTest {

    private static final int DATABASES = 4;
    private static final String SLEEP_TWO_SECONDS = "SELECT pg_sleep(2)\n";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static ProjectFiles project;

    @BeforeAll
    static void createDatabases() throws Exception {
        project = new ProjectFiles(Files.createTempDirectory("parallel-databases-test"));
        for (int i = 1; i <= DATABASES; i++) {
            project.database("sleepy_" + i, POSTGRES.server().createDatabase("sleepy_" + i))
                    .query("Sleep two seconds", "sleepy_" + i + "/sleep.sql", SLEEP_TWO_SECONDS);
        }
        project.write();
    }

    /** Shared by both settings: runs once, times it and counts the queries running at once. */
    abstract static class TimedRun extends MonitorTestSupport {
        @RegisterExtension
        final ProgressRecorder recorder = new ProgressRecorder();

        @Override
        protected ProjectFiles project() {
            return project;
        }

        Duration timedRun() {
            long start = System.nanoTime();
            RunReport report = report(runAnalysis("2026-10-29"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(report.status()).isEqualTo("completed");
            assertThat(report.databases()).hasSize(DATABASES)
                    .allSatisfy(database -> assertThat(database.status()).isEqualTo("completed"));
            return took;
        }
    }

    @Nested
    class AllAtOnceByDefault extends TimedRun {

        @Test
        void fourTwoSecondQueriesOnFourDatabasesTakeAboutOneQuerysTimeNotTheSum() {
            Duration took = timedRun();

            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofSeconds(5));
            assertThat(recorder.maxQueriesRunningAtOnce()).isEqualTo(DATABASES);
        }
    }

    @Nested
    class AtMostTwoAtOnce extends TimedRun {

        @Override
        protected Properties monitorProperties() {
            return properties("monitor.max-parallel-databases", "2");
        }

        @Test
        void fourDatabasesWithAtMostTwoAtOnceRunInTwoWaves() {
            Duration took = timedRun();

            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(3500)).isLessThan(Duration.ofSeconds(8));
            assertThat(recorder.maxQueriesRunningAtOnce()).isEqualTo(2);
        }
    }
}

package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.activeQueriesLike;
import static com.example.monitor.faults.Outcomes.database;
import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code direct:cancel-analysis} while every database sleeps in {@code pg_sleep(60)}: the statements stop
 * on the server, nothing else starts, finished results stay, and the report says "cancelled" within 2 s.
 */
class CancelTest extends MonitorTestSupport {

    private static final String[] DATABASES = {"alpha", "beta", "gamma"};

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        ProjectFiles project = ProjectFiles.temp("cancel-test").on(POSTGRES.server())
                .property("monitor.connect-timeout", "5s")
                .property("monitor.query-timeout", "2m");
        for (String name : DATABASES) {
            project.postgres(name, "CREATE TABLE logins (client_id int, who text)",
                    "INSERT INTO logins VALUES (1, 'ann'), (2, '" + name + "')");
            if (name.equals("alpha")) {
                // finishes before the cancel: its rows must survive it
                project.query("Fast logins", name + "/fast.sql", "SELECT client_id, who FROM logins ORDER BY client_id");
            }
            project.query("Sleep", name + "/sleep.sql", "SELECT pg_sleep(60)")
                    .query("After the sleep", name + "/after.sql", "SELECT client_id FROM logins");
        }
        return project.write();
    }

    @AfterEach
    void serverAndPoolsAreClean() throws Exception {
        await().atMost(Duration.ofSeconds(2)).until(() -> POSTGRES.server().activeQueriesOfApplication().isEmpty());
        assertThat(pools().activeConnections()).isZero();
    }

    @Test
    void cancelStopsEverySleepingQueryAndWritesACancelledReportWithinTwoSeconds() throws Exception {
        Cancelled run = startThenCancelWhileAllSleep();

        assertThat(run.cancelToReturn()).isLessThan(Duration.ofSeconds(2));
        assertThat(run.done().getException()).isNull();
        RunReport report = report(run.done());
        assertThat(report.status()).isEqualTo("cancelled");
        for (String name : DATABASES) {
            assertThat(database(report, name).status()).as(name).isEqualTo("cancelled");
            assertThat(query(report, name, "Sleep").status()).as(name).isEqualTo("cancelled");
            assertThat(query(report, name, "Sleep").rowCount()).as(name).isNull();
            assertThat(query(report, name, "After the sleep").status()).as(name).isEqualTo("cancelled");
        }
        assertThat(Path.of(report.reportFile())).exists();
        JsonNode json = reportJson(run.done());
        assertThat(json.get("status").asText()).isEqualTo("cancelled");
        assertThat(json.get("databases").get("gamma").get("queries").get("After the sleep").get("status").asText())
                .isEqualTo("cancelled");
        // the statements stopped on the server, not just the waiting for them
        await().atMost(Duration.ofSeconds(2)).until(() -> activeQueriesLike(POSTGRES.server(), "pg_sleep").isEmpty());
    }

    @Test
    void finishedResultsAreKeptWhenTheRunIsCancelled() throws Exception {
        Cancelled run = startThenCancelWhileAllSleep();

        RunReport report = report(run.done());
        assertThat(report.status()).isEqualTo("cancelled");
        assertThat(query(report, "alpha", "Fast logins").status()).isEqualTo("completed");
        assertThat(query(report, "alpha", "Fast logins").rowCount()).isEqualTo(2);
        List<Map<String, Object>> rows = results(run.done()).get("alpha").get("Fast logins");
        assertThat(rows).containsExactly(Map.of("client_id", 1, "who", "ann"), Map.of("client_id", 2, "who", "alpha"));
        JsonNode fast = reportJson(run.done()).get("databases").get("alpha").get("queries").get("Fast logins");
        assertThat(fast.get("status").asText()).isEqualTo("completed");
        assertThat(fast.get("rows")).hasSize(2);
        assertThat(fast.get("rows").get(1).get("who").asText()).isEqualTo("alpha");
        assertThat(query(report, "alpha", "Sleep").status()).isEqualTo("cancelled");
        assertThat(results(run.done()).get("alpha").get("After the sleep")).isEmpty();
    }

    @Test
    void cancelWithNoRunInFlightDoesNothingAndTheNextRunIsNotCancelled() throws Exception {
        assertThat(template.requestBody("direct:cancel-analysis", (Object) null)).as("run cancelled").isNull();

        // a stale cancel must not leak into the next run; cancel that one for real so it ends quickly
        Cancelled run = startThenCancelWhileAllSleep();
        assertThat(query(report(run.done()), "alpha", "Fast logins").status()).isEqualTo("completed");
    }

    private record Cancelled(Exchange done, Duration cancelToReturn) {
    }

    private Cancelled startThenCancelWhileAllSleep() throws Exception {
        Future<Exchange> running = template.asyncSend("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(MonitorConstants.START_DATE_HEADER, "2026-10-29"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> activeQueriesLike(POSTGRES.server(), "pg_sleep").size() == DATABASES.length);
        assertThat(running).isNotDone();

        long cancelledAt = System.nanoTime();
        template.sendBody("direct:cancel-analysis", null);
        Exchange done = running.get(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - cancelledAt);
        System.out.printf("cancel to run returning: %d ms%n", took.toMillis());
        return new Cancelled(done, took);
    }
}

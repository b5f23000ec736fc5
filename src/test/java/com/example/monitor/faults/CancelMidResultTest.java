package com.example.monitor.faults;

import static com.example.monitor.faults.Outcomes.activeQueriesLike;
import static com.example.monitor.faults.Outcomes.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cancel while a large result is flowing, so one thread reads rows from the driver while another
 * encodes them into the spool: both stop, the statement stops on the server, and nothing is left
 * behind, neither a spool file nor a busy encoder.
 */
class CancelMidResultTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        // value-per-call, so rows stream from the first one; far more than the test lets through
        return ProjectFiles.temp("cancel-mid-result-test").on(POSTGRES.server())
                .postgres("endless")
                .query("Endless rows", "endless/rows.sql",
                        "SELECT generate_series(1, 500000000) AS id, md5(random()::text) AS digest")
                // every fetch of 5 rows keeps the server busy for 0.1 s
                .postgres("slow")
                .query("Slow rows", "slow/rows.sql",
                        "SELECT generate_series(1, 100000) AS id, pg_sleep(0.02) AS pause", "fetch_size: 5")
                .property("monitor.connect-timeout", "5s")
                .property("monitor.query-timeout", "5m")
                .write();
    }

    @Test
    void cancelWhileRowsAreBeingEncodedStopsBothThreadsAndLeavesNoSpool() throws Exception {
        Future<Exchange> running = template.asyncSend("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(MonitorConstants.START_DATE_HEADER, "2026-10-29"));
        Path spool = outputDir().resolve(".spool");
        // well past the first batch: the encoder thread is at work
        await().atMost(Duration.ofSeconds(60)).until(() -> spooledBytes(spool) > 4 << 20);
        assertThat(running).isNotDone();
        assertThat(encodersAtWork()).isPositive();

        template.sendBody("direct:cancel-analysis", null);
        Exchange done = running.get(10, TimeUnit.SECONDS);

        RunReport report = report(done);
        assertThat(report.status()).isEqualTo("cancelled");
        assertThat(query(report, "endless", "Endless rows").status()).isEqualTo("cancelled");
        assertThat(query(report, "endless", "Endless rows").rowCount()).isNull();
        assertThat(results(done).get("endless").get("Endless rows")).isEmpty();
        assertThat(Path.of(report.reportFile())).exists();
        assertThat(spool).doesNotExist();
        await().atMost(Duration.ofSeconds(5)).until(() -> encodersAtWork() == 0);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> activeQueriesLike(POSTGRES.server(), "generate_series").isEmpty());
        assertThat(pools().activeConnections()).isZero();
    }

    @Test
    void cancelReachesAFetchThatIsRunningOnTheServer() throws Exception {
        Future<Exchange> running = template.asyncSend("direct:run-analysis",
                exchange -> exchange.getMessage().setHeader(MonitorConstants.START_DATE_HEADER, "2026-10-29"));
        // a second into its transaction, the statement is fetching, no longer executing its first rows
        await().atMost(Duration.ofSeconds(30)).until(() -> POSTGRES.server()
                .activeQueriesOfApplicationInTransactionsOlderThan(1.0).stream().anyMatch(q -> q.contains("pg_sleep")));

        long cancelledAt = System.nanoTime();
        template.sendBody("direct:cancel-analysis", null);
        Exchange done = running.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(query(report(done), "slow", "Slow rows").status()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(2)).until(() -> activeQueriesLike(POSTGRES.server(), "pg_sleep").isEmpty());
    }

    private static long spooledBytes(Path spool) {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Threads running an encoder's loop right now (idle pool threads wait elsewhere). */
    private static long encodersAtWork() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(frame -> frame.getClassName().endsWith("RowSpool$Encoder")))
                .count();
    }
}

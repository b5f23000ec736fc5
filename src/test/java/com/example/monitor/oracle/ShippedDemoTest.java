package com.example.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped databases.yaml and sql/ at the repository root (the test's working directory): Oracle SQL on the
 * two embedded H2 databases in Oracle mode, with the default start date of midnight 30 days ago. The demo
 * data is relative to SYSDATE, so the counts hold on any day.
 */
class ShippedDemoTest extends MonitorTestSupport {

    private static Path output;

    @BeforeAll
    static void outputElsewhere() throws Exception {
        output = Files.createTempDirectory("shipped-demo-output");
    }

    @Override
    protected ProjectFiles project() {
        return new ProjectFiles(Path.of("").toAbsolutePath());
    }

    @Override
    protected Path outputDir() {
        return output;
    }

    @Test
    void everyDemoQueryCompletesWithTheExpectedRowCounts() {
        Exchange done = runAnalysis(Map.of());

        RunReport report = report(done);
        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.databases()).flatExtracting(RunReport.DatabaseReport::queries)
                .extracting(RunReport.QueryReport::name, RunReport.QueryReport::status,
                        RunReport.QueryReport::rowCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Get all email changes", "completed", 2),
                        org.assertj.core.groups.Tuple.tuple("Get phone changes by client ID", "completed", 3),
                        org.assertj.core.groups.Tuple.tuple("Get token changes", "completed", 2),
                        org.assertj.core.groups.Tuple.tuple("Get all password changes", "completed", 3));
        assertThat(Path.of(report.reportFile())).startsWith(output);
    }

    @Test
    void nvlAndToCharGiveTheValuesTheAnalystsExpect() {
        Exchange done = runAnalysis(Map.of());

        List<Map<String, Object>> passwords = results(done).get("account_activity_analysis")
                .get("Get all password changes");
        assertThat(passwords).extracting(row -> row.get("CHANNEL")).containsExactly("mobile", "unknown", "web");
        List<Map<String, Object>> tokens = results(done).get("client_activity_analysis").get("Get token changes");
        assertThat(tokens).allSatisfy(row -> assertThat(row.get("CHANGED_AT_TEXT")).isEqualTo(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format((LocalDateTime) row.get("CHANGED_AT"))));
        assertThat(tokens).extracting(row -> row.get("CHANGED_AT_TEXT").toString().substring(11))
                .containsExactly("23:00:00", "08:15:00");
        List<Map<String, Object>> phones = results(done).get("client_activity_analysis")
                .get("Get phone changes by client ID");
        assertThat(phones).extracting(row -> row.get("LAST_PHONE")).containsExactly("+44 20 7946 0002", "+33 1 70 36 00 01",
                "withheld");
    }
}

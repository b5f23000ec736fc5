package com.example.monitor.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.monitor.report.RunReport;
import com.example.monitor.testing.MonitorTestSupport;
import com.example.monitor.testing.PostgresExtension;
import com.example.monitor.testing.ProjectFiles;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With monitor.rows-format=parquet in memory mode, the routes still get the rows in the nested map. */
class ParquetRowsForRoutesTest extends MonitorTestSupport {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected ProjectFiles classProject() throws Exception {
        // 600 rows: more than one batch, so they are appended on the encoder thread
        return ProjectFiles.temp("parquet-routes").on(POSTGRES.server())
                .postgres("crm", "CREATE TABLE clients (client_id int)",
                        "INSERT INTO clients SELECT g FROM generate_series(1, 600) g")
                .query("Clients", "clients.sql", "SELECT client_id FROM clients ORDER BY client_id\n")
                .property("monitor.rows-format", "parquet")
                .write();
    }

    @Test
    void theNestedMapHasTheRowsAndTheReportNamesTheirFile() {
        Exchange done = runAnalysis("2026-10-01");

        assertThat(results(done).get("crm").get("Clients")).hasSize(600)
                .first().satisfies(row -> assertThat(row.get("client_id")).isEqualTo(1));
        RunReport.QueryReport query = report(done).database("crm").query("Clients");
        assertThat(query.rowsFile()).isEqualTo(report(done).runId() + "/crm/Clients.parquet");
        assertThat(Path.of(report(done).reportFile()).resolveSibling(query.rowsFile())).isRegularFile();
    }
}

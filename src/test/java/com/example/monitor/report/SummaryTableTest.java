package com.example.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary at the end of a run: one line per query, whatever the names and errors hold. */
class SummaryTableTest {

    @Test
    void aQueryNameWithANewlineCannotForgeALineAndEscapeCodesAreShownEscaped() {
        RunReport.DatabaseReport crm = new RunReport.DatabaseReport("crm", "completed", null, 5, List.of(
                new RunReport.QueryReport("Forged\nrun 20261201T000000Z-deadbeef completed in 1 ms", "completed", 1, false, 2, null, List.of(), List.of(), null),
                new RunReport.QueryReport("\u001b[31mRed", "failed", null, false, 3, "ERROR: \u001b[2Jgone\nsecond line", List.of(), List.of(), null)));
        RunReport report = new RunReport("20261201T194213Z-1a2b3c4d", null, "cli", null, "2026-10-01T00:00:00",
                "2026-12-01T19:42:13Z", "2026-12-01T19:42:14Z", 10, "partial", "/out/x.json", List.of(crm));

        List<String> lines = new SummaryTable().render(report).lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("crm       Forged\\nrun 20261201T000000Z-deadbeef completed in 1 ms  completed");
        assertThat(lines.get(2)).contains("\\u001B[31mRed").endsWith("ERROR: \\u001B[2Jgone");
        assertThat(lines.get(3)).startsWith("run 20261201T194213Z-1a2b3c4d partial");
        assertThat(String.join("\n", lines)).doesNotContain("\u001b");
    }
}

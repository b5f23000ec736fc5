package com.example.monitor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link RunHistory#newestFirst()} reads of the reports for the metrics. */
class RunHistoryTest {

    @TempDir
    Path output;

    @Test
    void runsOfTheSameSecondComeByTheirStartToTheMillisecondNotByTheirIds() throws Exception {
        report("20261128T060000Z-ffffffff", "2026-11-28T06:00:00.100Z", "\"crm\": " + database("failed", "skipped"));
        report("20261128T060000Z-00000000", "2026-11-28T06:00:00.900Z", "\"crm\": " + database("completed", "completed"));
        report("20261127T060000Z-n1-0000000a", "2026-11-27T06:00:00Z", "\"crm\": " + database("completed", "failed"));

        assertThat(new RunHistory(output).newestFirst()).extracting(RecordedRun::runId)
                .containsExactly("20261128T060000Z-00000000", "20261128T060000Z-ffffffff", "20261127T060000Z-n1-0000000a");
    }

    @Test
    void eachDatabaseTheRunReachedHasItsStateAndFieldsItDoesNotKnowAreSkipped() throws Exception {
        report("20261128T060000Z-0000000b", "2026-11-28T06:00:00Z",
                "\"crm\": " + database("completed", "completed").replace("\"rows\"",
                        "\"columnTypes\": {\"ID\": {\"type\": \"integer\"}}, \"rows\""),
                "\"billing\": " + database("completed", "failed"),
                "\"hr\": " + database("failed", "skipped"),
                "\"sales\": " + database("cancelled", "cancelled"),
                "\"late\": " + database("pending", "pending"));

        RecordedRun run = new RunHistory(output).newestFirst().findFirst().orElseThrow();

        assertThat(run.finishedAt()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z").plusSeconds(2));
        assertThat(run.databases()).isEqualTo(Map.of("crm", DatabaseState.COMPLETED, "billing", DatabaseState.PARTIAL,
                "hr", DatabaseState.FAILED, "sales", DatabaseState.CANCELLED));
    }

    private void report(String runId, String startedAt, String... databases) throws Exception {
        Files.writeString(output.resolve(runId + ".json"), """
                {"runId": "%s", "node": null, "trigger": "schedule", "requestFile": null,
                 "startDate": "2026-11-27T00:00:00", "startedAt": "%s", "finishedAt": "%s",
                 "elapsedMs": 2000, "status": "partial", "futureField": {"any": [1, 2]},
                 "databases": {%s}}
                """.formatted(runId, startedAt, Instant.parse(startedAt).plusSeconds(2), String.join(", ", databases)));
    }

    private static String database(String status, String queryStatus) {
        return """
                {"status": "%s", "error": null, "elapsedMs": 10, "queries": {"Q": {"status": "%s", "rowCount": null,
                 "truncated": false, "elapsedMs": 5, "error": null, "columns": ["ID"], "rows": [[1], [2]]}}}
                """.formatted(status, queryStatus);
    }
}

package com.example.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one form of a run id, with or without a replica's id, as made, parsed and matched everywhere. */
class RunIdTest {

    private static final Instant AT = Instant.parse("2026-12-01T19:42:13.999Z");

    @Test
    void aNewIdCarriesTheStartSecondTheReplicaAndEightHexDigits() {
        assertThat(RunId.next(AT, null).toString()).matches("20261201T194213Z-[0-9a-f]{8}");
        assertThat(RunId.next(AT, "n1").toString()).matches("20261201T194213Z-n1-[0-9a-f]{8}");
        assertThat(RunId.next(AT, "n1").node()).isEqualTo("n1");
    }

    @Test
    void idsWithAndWithoutANodeParseBackToTheirParts() {
        assertThat(RunId.parse("20261201T194213Z-1a2b3c4d")).contains(new RunId("20261201T194213Z", null, "1a2b3c4d"));
        assertThat(RunId.parse("20261201T194213Z-n1-1a2b3c4d")).contains(new RunId("20261201T194213Z", "n1", "1a2b3c4d"));
        assertThat(RunId.parse("20261201T194213Z-pod-7f9c.a_b-1a2b3c4d").orElseThrow().node()).isEqualTo("pod-7f9c.a_b");
        RunId made = RunId.next(AT, "replica-2");
        assertThat(RunId.parse(made.toString())).contains(made);
    }

    @Test
    void anythingElseIsNoRunIdSoItCanNeverNameAFileElsewhere() {
        for (String text : List.of("", "20261201T194213Z", "20261201T194213Z-1A2B3C4D", "20261201T194213Z-1a2b3c4",
                "20261201T194213Z-../x-1a2b3c4d", "20261201T194213Z-n/1-1a2b3c4d", "20261201T194213Z--1a2b3c4d",
                "20261201T194213Z-.n1-1a2b3c4d", "../20261201T194213Z-1a2b3c4d", "20261201T194213Z-1a2b3c4d\n",
                "2026120T194213Z-1a2b3c4d")) {
            assertThat(RunId.parse(text)).as(text).isEmpty();
        }
        assertThat(RunId.parse(null)).isEmpty();
        assertThatThrownBy(() -> new RunId("20261201T194213Z", "a/b", "1a2b3c4d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportFileNameIsTheIdAndJsonAndNothingBesideIt() {
        RunId id = RunId.parse("20261201T194213Z-n1-1a2b3c4d").orElseThrow();
        assertThat(id.reportFileName()).isEqualTo("20261201T194213Z-n1-1a2b3c4d.json");
        assertThat(RunId.ofReportFile("20261201T194213Z-n1-1a2b3c4d.json")).contains(id);
        assertThat(RunId.ofReportFile("20261201T194213Z-n1-1a2b3c4d-clients.json")).isEmpty();
        assertThat(RunId.ofReportFile(".20261201T194213Z-n1-1a2b3c4d.json.tmp")).isEmpty();
        assertThat(RunId.ofReportFile("20261201T194213Z-n1-1a2b3c4d")).isEmpty();
    }

    @Test
    void idsSortByStartSecond() {
        RunId earlier = RunId.parse("20261201T194213Z-n2-ffffffff").orElseThrow();
        RunId later = RunId.parse("20261201T194214Z-1a2b3c4d").orElseThrow();
        assertThat(List.of(later, earlier).stream().sorted().toList()).containsExactly(earlier, later);
    }
}

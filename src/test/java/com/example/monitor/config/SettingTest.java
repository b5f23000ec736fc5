package com.example.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unknown {@code monitor.*} keys: refused with where they were written and the closest known key. */
class SettingTest {

    @Test
    void aMistypedKeyIsNamedWithItsSourceAndTheClosestKnownKey() {
        assertThat(Setting.unknownKeyProblem("/srv/monitor/application.properties", "monitor.query-timout"))
                .contains("/srv/monitor/application.properties: unknown setting monitor.query-timout;"
                        + " did you mean monitor.query-timeout?");
        assertThat(Setting.unknownKeyProblem("argument '--monitor.fetchsize=10'", "monitor.fetchsize"))
                .contains("argument '--monitor.fetchsize=10': unknown setting monitor.fetchsize;"
                        + " did you mean monitor.fetch-size?");
        assertThat(Setting.unknownKeyProblem("x", "monitor.inbox-readlock-interval")).get().asString()
                .endsWith("did you mean monitor.inbox-read-lock-interval?");
    }

    @Test
    void declaredKeysAndKeysOutsideMonitorAreNotProblems() {
        assertThat(Setting.all()).allSatisfy(setting ->
                assertThat(Setting.unknownKeyProblem("x", setting.key())).isEmpty());
        assertThat(Setting.unknownKeyProblem("x", "camel.main.name")).isEmpty();
        assertThat(Setting.unknownKeyProblem("x", "clients.column")).isEmpty();
    }

    @Test
    void findGivesTheDeclarationOfAKey() {
        assertThat(Setting.find("monitor.query-timeout")).containsSame(Setting.QUERY_TIMEOUT);
        assertThat(Setting.find("monitor.query-timout")).isEmpty();
    }
}

package com.example.monitor.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems a listener finds early in Camel Main's start, held until {@link MonitorConfiguration} reports
 * them together with the settings' and databases.yaml's: a bad team route file and a bad setting are
 * then fixed in one restart, not two.
 */
final class StartupProblems {

    private final List<String> problems = new ArrayList<>();

    void addAll(List<String> found) {
        problems.addAll(found);
    }

    List<String> all() {
        return List.copyOf(problems);
    }
}

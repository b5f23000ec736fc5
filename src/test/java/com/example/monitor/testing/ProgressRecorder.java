package com.example.monitor.testing;

import com.example.monitor.progress.ProgressEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An EventNotifier a Java user would write: it takes only {@link ProgressEvent}s and keeps them in
 * arrival order. Add it with {@code context.getManagementStrategy().addEventNotifier}, or declare it
 * as a bean ({@code camel.beans.name=#class:...}). In a {@link MonitorTestSupport} test, an instance
 * field {@code @RegisterExtension final ProgressRecorder recorder = new ProgressRecorder();} adds it to
 * each test's context, after the {@code @BeforeEach} methods, before the test's first line.
 */
public final class ProgressRecorder extends EventNotifierSupport implements BeforeTestExecutionCallback {

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    /** Camel's test support has built and started the test's context by now. */
    @Override
    public void beforeTestExecution(ExtensionContext extension) {
        ((CamelTestSupport) extension.getRequiredTestInstance()).context().getManagementStrategy().addEventNotifier(this);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ProgressEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        events.add((ProgressEvent) event);
    }

    public List<ProgressEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one database, in the order they were published. */
    public List<ProgressEvent> of(String database) {
        return events.stream().filter(event -> event.database().equals(database)).toList();
    }

    /**
     * The largest number of queries that were running at the same moment, from the order of the
     * running and finished events.
     */
    public int maxQueriesRunningAtOnce() {
        int running = 0;
        int max = 0;
        for (ProgressEvent event : events) {
            if (event.isDatabaseLevel()) {
                continue;
            }
            if (event.status().equals("running")) {
                max = Math.max(max, ++running);
            } else {
                running--;
            }
        }
        return max;
    }
}

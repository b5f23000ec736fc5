package com.example.monitor.testing;

import com.example.monitor.progress.ProgressEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * An EventNotifier a Java user would write: it takes only {@link ProgressEvent}s and keeps them in
 * arrival order. Add it with {@code context.getManagementStrategy().addEventNotifier}, or declare it
 * as a bean ({@code camel.beans.name=#class:...}).
 */
public final class ProgressRecorder extends EventNotifierSupport {

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

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

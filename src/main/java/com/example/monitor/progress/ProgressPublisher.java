package com.example.monitor.progress;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each progress event to the console log, to every EventNotifier of the context (synchronously,
 * on the database's thread: a slow notifier slows that database), and to the team routes on
 * {@code seda:analysis-progress}, which never hold up the run.
 */
public final class ProgressPublisher {

    private static final Logger LOG = LoggerFactory.getLogger("progress");

    private final CamelContext context;
    private final Consumer<ProgressEvent> teamRoutes;

    /** @param teamRoutes hands an event to the team routes without waiting for them */
    public ProgressPublisher(CamelContext context, Consumer<ProgressEvent> teamRoutes) {
        this.context = context;
        this.teamRoutes = teamRoutes;
    }

    /** Failed and cancelled steps are warnings, so log-based alerting sees them. */
    public void publish(ProgressEvent event) {
        if (event.isAlarming()) {
            LOG.warn("{}", event.fields());
        } else {
            LOG.info("{}", event.fields());
        }
        try {
            context.getManagementStrategy().notify(event);
        } catch (Exception e) {
            // a listener's bug must not fail the run it is watching
            LOG.warn("a progress listener failed on {}: {}", event, e.toString());
        }
        teamRoutes.accept(event);
    }
}

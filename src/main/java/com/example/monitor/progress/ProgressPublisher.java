package com.example.monitor.progress;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each progress event to the console log, to every EventNotifier of the context, and to
 * {@code direct:analysis-progress} for teams that prefer a route. Delivery is synchronous, on the
 * database's thread: a slow listener slows that database.
 */
public final class ProgressPublisher {

    public static final String PROGRESS_ENDPOINT = "direct:analysis-progress?block=false&failIfNoConsumers=false";
    private static final Logger LOG = LoggerFactory.getLogger("progress");

    private final CamelContext context;
    private volatile ProducerTemplate routes;

    public ProgressPublisher(CamelContext context) {
        this.context = context;
    }

    public void publish(ProgressEvent event) {
        LOG.info(event.logLine());
        try {
            context.getManagementStrategy().notify(event);
            routes().sendBody(PROGRESS_ENDPOINT, event);
        } catch (Exception e) {
            // a listener's bug must not fail the run it is watching
            LOG.warn("a progress listener failed on {}: {}", event, e.toString());
        }
    }

    private ProducerTemplate routes() {
        ProducerTemplate template = routes;
        if (template == null) {
            template = context.createProducerTemplate();
            routes = template;
        }
        return template;
    }
}

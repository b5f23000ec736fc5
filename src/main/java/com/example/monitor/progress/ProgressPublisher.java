package com.example.monitor.progress;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each progress event to the console log and to every EventNotifier of the context. */
public final class ProgressPublisher {

    private static final Logger LOG = LoggerFactory.getLogger("progress");

    private final CamelContext context;

    public ProgressPublisher(CamelContext context) {
        this.context = context;
    }

    public void publish(ProgressEvent event) {
        LOG.info(event.logLine());
        try {
            context.getManagementStrategy().notify(event);
        } catch (Exception e) {
            // a listener's bug must not fail the run it is watching
            LOG.warn("an EventNotifier failed on {}: {}", event, e.toString());
        }
    }
}

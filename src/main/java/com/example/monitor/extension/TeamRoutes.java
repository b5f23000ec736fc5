package com.example.monitor.extension;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.report.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.direct.DirectEndpoint;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every finished run and every progress event to the teams' routes, publish-subscribe: any
 * number of routes {@code from: seda:analysis-completed?multipleConsumers=true} (or
 * {@code analysis-progress}) each get their own copy, in parallel (SEDA's consumer multicast), without
 * ever holding up the run. Counts what is still being delivered, so a one-shot run can wait for the
 * teams before exiting.
 */
public final class TeamRoutes {

    /** Its name in the registry, as the run-analysis route and the launcher name it. */
    public static final String BEAN = "teamRoutes";

    public static final String COMPLETED_QUEUE = "analysis-completed";
    public static final String PROGRESS_QUEUE = "analysis-progress";
    private static final Logger LOG = LoggerFactory.getLogger(TeamRoutes.class);

    private final CamelContext context;
    private final Duration deliveryTimeout;
    private final Map<String, ExecutorService> publishers = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delivered = lock.newCondition();
    private int pending;
    private volatile ProducerTemplate template;

    public TeamRoutes(CamelContext context, Duration deliveryTimeout) {
        this.context = context;
        this.deliveryTimeout = deliveryTimeout;
    }

    /** Route step after a run: the nested result map and the row-free report, to every team route. */
    public void publishCompleted(Exchange run) {
        if (!hasSubscribers(COMPLETED_QUEUE)) {
            return;
        }
        Exchange copy = new DefaultExchange(context);
        copy.getMessage().setBody(run.getMessage().getBody());
        RunReport report = run.getProperty(MonitorConstants.REPORT_PROPERTY, RunReport.class);
        copy.setProperty(MonitorConstants.REPORT_PROPERTY, report);
        copy.getMessage().setHeader(MonitorConstants.TRIGGER_HEADER, run.getMessage().getHeader(MonitorConstants.TRIGGER_HEADER));
        if (report != null) {
            copy.getMessage().setHeader(MonitorConstants.RUN_ID_HEADER, report.runId());
            copy.getMessage().setHeader(MonitorConstants.REPORT_FILE_HEADER, report.reportFile());
        }
        publish(COMPLETED_QUEUE, copy);
    }

    public void publishProgress(ProgressEvent event) {
        if (!hasSubscribers(PROGRESS_QUEUE)) {
            return;
        }
        Exchange copy = new DefaultExchange(context);
        copy.getMessage().setBody(event);
        copy.getMessage().setHeader(MonitorConstants.RUN_ID_HEADER, event.runId());
        publish(PROGRESS_QUEUE, copy);
    }

    /**
     * One publisher thread per queue hands the messages over in order and waits until every subscriber
     * has finished with one before the next: each route sees a run's events in order, the others go on
     * in parallel, and the run itself never waits. A route still busy after monitor.extension-timeout
     * is left to finish on its own, and the next message goes on.
     */
    private void publish(String queue, Exchange exchange) {
        changePending(1);
        try {
            publisher(queue).execute(() -> deliver(queue, exchange));
        } catch (RuntimeException e) {
            changePending(-1);
            LOG.warn("could not hand {} to the team routes: {}", queue, e.toString());
        }
    }

    private void deliver(String queue, Exchange exchange) {
        try {
            exchange.setPattern(ExchangePattern.InOut);
            producer().send("seda:" + queue + "?multipleConsumers=true&waitForTaskToComplete=Always&timeout="
                    + deliveryTimeout.toMillis(), exchange);
            if (exchange.getException() instanceof ExchangeTimedOutException) {
                LOG.warn("team routes on {} still busy after {} with run {}: {}; going on without them", queue,
                        deliveryTimeout, exchange.getMessage().getHeader(MonitorConstants.RUN_ID_HEADER), busyRoutes(queue));
            } else if (exchange.getException() != null) {
                LOG.warn("a team route on {} failed: {}", queue, exchange.getException().getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not hand {} to the team routes: {}", queue, e.toString());
        } finally {
            changePending(-1);
        }
    }

    private ExecutorService publisher(String queue) {
        return publishers.computeIfAbsent(queue, name -> context.getExecutorServiceManager()
                .newSingleThreadExecutor(this, "team-routes-" + name));
    }

    private boolean hasSubscribers(String queue) {
        return !subscriberRoutes(queue).isEmpty();
    }

    /** The routes reading a queue, whatever options their endpoint URI has. */
    public List<String> subscriberRoutes(String queue) {
        return context.getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof SedaEndpoint seda && queue.equals(seda.getName()))
                .map(Route::getRouteId).toList();
    }

    /**
     * Subscribers whose URIs differ would be separate endpoints on one queue, competing for the
     * messages instead of each getting all of them: refused when the application starts.
     */
    public List<String> inconsistentSubscribers() {
        List<String> problems = new ArrayList<>();
        for (String queue : List.of(COMPLETED_QUEUE, PROGRESS_QUEUE)) {
            String expected = "seda:" + queue + "?multipleConsumers=true";
            for (Route route : context.getRoutes()) {
                Endpoint from = route.getEndpoint();
                // the extension point before it was publish-subscribe: such a route would never be called
                boolean oldForm = from instanceof DirectEndpoint
                        && from.getEndpointBaseUri().equals("direct://" + queue);
                boolean otherOptions = from instanceof SedaEndpoint seda && queue.equals(seda.getName())
                        && !(seda.isMultipleConsumers() && from.getEndpointUri().equals(subscriberUri(queue)));
                if (oldForm || otherOptions) {
                    problems.add("route '" + route.getRouteId() + "': subscribe with exactly 'from: " + expected
                            + "' (it has " + from.getEndpointUri() + "), so that every team route gets every message");
                }
            }
        }
        return problems;
    }

    /** The normalised URI of the one subscriber endpoint of a queue. */
    private String subscriberUri(String queue) {
        return context.getEndpoint("seda:" + queue + "?multipleConsumers=true").getEndpointUri();
    }

    /**
     * Waits until every team route has finished with everything published so far.
     * <p>
     * Not Camel's graceful shutdown: it waits only for what is in a SEDA queue or in flight, with one
     * timeout for the whole context (camel.main.shutdown-timeout), and drains a queue only on routes
     * that declare {@code shutdownRunningTask: CompleteAllTasks}, which the teams' routes would each
     * have to say. The messages not yet handed over wait in this class's publisher threads, where Camel
     * does not see them, because each delivery waits for its subscribers (for monitor.extension-timeout,
     * per message) to keep a run's events in order without the run waiting.
     *
     * @return the routes still busy when the timeout ran out; empty when all finished
     */
    public List<String> awaitDelivered(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (pending > 0 && nanos > 0) {
                nanos = delivered.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
        // a delivery that timed out is no longer pending, but its route may still be at work
        TreeSet<String> busy = new TreeSet<>(busyRoutes(COMPLETED_QUEUE));
        busy.addAll(busyRoutes(PROGRESS_QUEUE));
        return List.copyOf(busy);
    }

    /** The subscribers of a queue that have a message in flight. */
    private List<String> busyRoutes(String queue) {
        InflightRepository inflight = context.getInflightRepository();
        return subscriberRoutes(queue).stream().filter(routeId -> inflight.size(routeId) > 0).sorted().toList();
    }

    private void changePending(int delta) {
        lock.lock();
        try {
            pending += delta;
            if (pending <= 0) {
                delivered.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private ProducerTemplate producer() {
        ProducerTemplate current = template;
        if (current == null) {
            current = context.createProducerTemplate();
            template = current;
        }
        return current;
    }
}

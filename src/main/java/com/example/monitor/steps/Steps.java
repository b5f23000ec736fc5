package com.example.monitor.steps;

import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.QueryOutcome;
import org.apache.camel.Exchange;

/** What the step beans read from the exchange: the run, the database's branch and the query's step. */
final class Steps {

    private Steps() {
    }

    static AnalysisRun run(Exchange exchange) {
        return exchange.getProperty(MonitorConstants.RUN_PROPERTY, AnalysisRun.class);
    }

    static DatabaseStep databaseStep(Exchange exchange) {
        return exchange.getProperty(MonitorConstants.DATABASE_STEP_PROPERTY, DatabaseStep.class);
    }

    static QueryStep queryStep(Exchange exchange) {
        return exchange.getProperty(MonitorConstants.QUERY_STEP_PROPERTY, QueryStep.class);
    }

    static QueryOutcome queryOutcome(Exchange exchange) {
        return databaseStep(exchange).outcome().query(queryStep(exchange).name());
    }
}

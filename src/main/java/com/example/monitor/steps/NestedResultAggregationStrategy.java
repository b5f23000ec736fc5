package com.example.monitor.steps;

import com.example.monitor.run.DatabaseOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Joins the database branches into {@code {database -> {query -> rows}}}. Branches finish in any
 * order; the split index puts them back in databases.yaml order.
 */
public final class NestedResultAggregationStrategy implements AggregationStrategy {

    /** Its name in the registry: the run-analysis route's database split aggregates with it. */
    public static final String BEAN = "nestedResults";

    private static final String PARTS = "monitorDatabaseResults";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        parts(result).put(newExchange.getProperty(Exchange.SPLIT_INDEX, Integer.class),
                newExchange.getMessage().getBody(DatabaseOutcome.class));
        return result;
    }

    @Override
    public void onCompletion(Exchange exchange) {
        Map<String, Map<String, List<Map<String, Object>>>> nested = new LinkedHashMap<>();
        for (DatabaseOutcome outcome : parts(exchange).values()) {
            if (outcome != null) {
                nested.put(outcome.name(), outcome.rowsByQuery());
            }
        }
        exchange.removeProperty(PARTS);
        exchange.getMessage().setBody(nested);
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, DatabaseOutcome> parts(Exchange exchange) {
        Map<Integer, DatabaseOutcome> parts = exchange.getProperty(PARTS, Map.class);
        if (parts == null) {
            parts = new TreeMap<>();
            exchange.setProperty(PARTS, parts);
        }
        return parts;
    }
}

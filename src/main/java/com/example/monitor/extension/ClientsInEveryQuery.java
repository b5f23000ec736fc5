package com.example.monitor.extension;

import com.example.monitor.report.RunReport;
import com.example.monitor.run.QueryStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The users' planned next step, as a worked example for {@code seda:analysis-completed}: per client,
 * in which queries it appears, and which clients appear in every query that completed. Failed or
 * skipped queries are left out, so one broken database does not empty the answer.
 */
public final class ClientsInEveryQuery {

    private final String clientColumn;

    public ClientsInEveryQuery(String clientColumn) {
        this.clientColumn = clientColumn;
    }

    public Map<String, Object> summarise(Map<String, Map<String, List<Map<String, Object>>>> results,
                                         RunReport report) {
        List<String> queries = new ArrayList<>();
        Map<String, Set<String>> queriesByClient = new TreeMap<>();
        for (RunReport.DatabaseReport database : report.databases()) {
            for (RunReport.QueryReport query : database.queries()) {
                if (query.queryStatus() != QueryStatus.COMPLETED) {
                    continue;
                }
                String key = database.name() + "/" + query.name();
                queries.add(key);
                for (Map<String, Object> row : results.get(database.name()).get(query.name())) {
                    Object client = row.get(clientColumn);
                    if (client != null) {
                        queriesByClient.computeIfAbsent(client.toString(), c -> new TreeSet<>()).add(key);
                    }
                }
            }
        }
        List<String> inEveryQuery = queriesByClient.entrySet().stream()
                .filter(entry -> !queries.isEmpty() && entry.getValue().size() == queries.size())
                .map(Map.Entry::getKey).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", report.runId());
        summary.put("startDate", report.startDate());
        summary.put("queries", queries);
        summary.put("clientsInEveryQuery", inEveryQuery);
        summary.put("queriesByClient", queriesByClient);
        return summary;
    }
}

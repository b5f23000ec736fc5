package com.example.monitor.faults;

import com.example.monitor.report.RunReport;
import com.example.monitor.report.RunReport.DatabaseReport;
import com.example.monitor.report.RunReport.QueryReport;
import com.example.monitor.testing.PostgresServer;
import java.util.List;

/** Looks up one database or query in a {@link RunReport}, and what the app still runs on the server. */
final class Outcomes {

    private Outcomes() {
    }

    static DatabaseReport database(RunReport report, String name) {
        return report.databases().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no database '" + name + "' in " + report));
    }

    static QueryReport query(RunReport report, String database, String query) {
        return database(report, database).queries().stream().filter(q -> q.name().equals(query)).findFirst()
                .orElseThrow(() -> new AssertionError("no query '" + query + "' of '" + database + "' in " + report));
    }

    /** The app's statements running on the server that match a fragment (the validation ping is ignored). */
    static List<String> activeQueriesLike(PostgresServer postgres, String fragment) throws Exception {
        return postgres.activeQueriesOfApplication().stream().filter(q -> q.contains(fragment)).toList();
    }
}

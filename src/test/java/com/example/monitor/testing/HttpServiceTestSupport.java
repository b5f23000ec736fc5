package com.example.monitor.testing;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service as the HTTP tests drive it ({@link ServiceTestSupport}), with one database of the class's
 * own with one query on the embedded PostgreSQL.
 */
public abstract class HttpServiceTestSupport extends ServiceTestSupport {

    @RegisterExtension
    protected static final PostgresExtension POSTGRES = new PostgresExtension();

    /** The database (and the folder of its query) this class has to itself. */
    protected abstract String databaseName();

    /** The one query; by default it returns the run's start date. */
    protected String querySql() {
        return "SELECT :start_date::timestamp AS start_date\n";
    }

    @Override
    protected final ProjectFiles classProject() throws Exception {
        String name = databaseName();
        ProjectFiles project = new ProjectFiles(Files.createTempDirectory(name.replace('_', '-') + "-test"))
                .database(name, POSTGRES.server().createDatabase(name))
                .query("Start date", name + "/start_date.sql", querySql());
        project.write();
        return project;
    }
}

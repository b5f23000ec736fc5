package com.example.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The smallest project the packaged jar can run on its own: a databases.yaml and one sql/ file, on an
 * in-memory H2 database in Oracle mode that the jar's own demo script fills (database {@code it_demo},
 * query {@code Recent email changes}, 4 rows since 2020).
 */
public final class H2DemoProject {

    private H2DemoProject() {
    }

    /** @param memoryDatabase the H2 in-memory database's name, one per test class */
    public static void write(Path root, String memoryDatabase) throws IOException {
        Files.createDirectories(root.resolve("sql"));
        Files.writeString(root.resolve("sql/emails.sql"), """
                -- every email change since :start_date
                SELECT client_id, new_email, changed_at
                  FROM client_email_changes
                 WHERE changed_at >= :start_date
                 ORDER BY change_id
                """);
        Files.writeString(root.resolve("databases.yaml"), """
                databases:
                  - name: it_demo
                    url: "jdbc:h2:mem:%s;MODE=Oracle;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'classpath:demo/client_activity_analysis.sql'"
                    auth: password
                    username: demo
                    password: demo
                    sql_queries:
                      - name: Recent email changes
                        query_location: sql/emails.sql
                """.formatted(memoryDatabase));
    }
}

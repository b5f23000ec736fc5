package com.example.monitor.config;

import com.example.monitor.sql.CheckedSql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and checks a query's SQL file, the same way at start-up and at each run. The statement a run
 * sends is always the one made from the text that passed the check, from one read of the file.
 */
public final class SqlFileReader {

    private SqlFileReader() {
    }

    /** Each problem is one line naming the file; empty when the file cannot be read or is not one query. */
    static Optional<CheckedSql> read(Path file, Consumer<String> onProblem) {
        return FileReading.utf8Text(file, onProblem)
                .flatMap(text -> CheckedSql.check(text, problem -> onProblem.accept(file + ": " + problem)));
    }

    /**
     * The query's SQL for this run: what start-up read and checked while the file is unchanged, or its
     * new text, checked again, once an analyst has edited it (an edit takes effect at the next run).
     *
     * @throws IllegalStateException naming the file and every problem, when the edited file no longer passes
     */
    public static CheckedSql current(QueryConfig query) {
        List<String> problems = new ArrayList<>();
        Optional<String> text = FileReading.utf8Text(query.location(), problems::add);
        if (text.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        if (text.get().equals(query.sql().source())) {
            return query.sql();
        }
        return CheckedSql.check(text.get(), problems::add).orElseThrow(() -> new IllegalStateException(
                query.location() + " was edited since start-up and is refused: " + String.join("; ", problems)));
    }
}

package com.example.monitor.steps;

import com.example.monitor.config.Redaction;
import com.example.monitor.jdbc.OracleErrors;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Collection;

/** Turns an exception from a query or a connect into the one line a user needs, with secrets scrubbed. */
final class ErrorMessages {

    /** The drivers' timers may fire a few milliseconds before the elapsed time we measure says they should. */
    private static final long TIMER_TOLERANCE_MS = 100;

    private final Collection<String> secrets;

    ErrorMessages(Collection<String> secrets) {
        this.secrets = secrets;
    }

    /** The driver's own words when there are any; Spring's wrappers add only noise and the SQL text. */
    String describe(Throwable error) {
        SQLException sql = deepestSqlException(error);
        Throwable source = sql != null ? sql : rootCause(error);
        String message = source.getMessage() == null ? source.getClass().getSimpleName() : source.getMessage();
        return Redaction.scrub(OracleErrors.explain(message.strip()), secrets);
    }

    /**
     * A failed query's one line. A cancel is ours, and reported as our query timeout, only when the query
     * had run for its timeout: a server's statement_timeout or a DBA's pg_cancel_backend end the statement
     * with the same SQLState 57014 (ORA-01013 on Oracle) as our own cancel, so only the clock tells them
     * apart. Anyone else's keeps the driver's words and its SQLState.
     */
    String queryFailed(Throwable error, Duration timeout, long elapsedMs) {
        if (!isTimeoutOrCancel(error)) {
            return describe(error);
        }
        if (elapsedMs + TIMER_TOLERANCE_MS >= timeout.toMillis()) {
            return "timed out after " + Math.max(1, timeout.toSeconds()) + " s (query timeout); the statement was"
                    + " cancelled on the server";
        }
        SQLException sql = deepestSqlException(error);
        return describe(error) + " (" + (sql == null || sql.getSQLState() == null ? ""
                : "SQLState " + sql.getSQLState() + ": ") + "cancelled by the server or another session after "
                + elapsedMs + " ms, not by the query timeout of " + Math.max(1, timeout.toSeconds()) + " s)";
    }

    private static boolean isTimeoutOrCancel(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && ("57014".equals(sql.getSQLState()) || sql.getErrorCode() == 1013)) {
                return true;
            }
            if (t.getClass().getName().equals("org.springframework.dao.QueryTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static SQLException deepestSqlException(Throwable error) {
        SQLException found = null;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}

package com.example.monitor.steps;

import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesConfig;
import com.example.monitor.config.Redaction;
import com.example.monitor.jdbc.OracleErrors;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import org.apache.commons.lang3.exception.ExceptionUtils;

/** Turns an exception from a query or a connect into the one line a user needs, with secrets scrubbed. */
public final class ErrorMessages {

    /** The drivers' timers may fire a few milliseconds before the elapsed time we measure says they should. */
    private static final long TIMER_TOLERANCE_MS = 100;

    private final Collection<String> secrets;

    ErrorMessages(Collection<String> secrets) {
        this.secrets = secrets;
    }

    /** Scrubs the passwords of the databases in databases.yaml from every message. */
    public static ErrorMessages scrubbing(DatabasesConfig config) {
        return new ErrorMessages(config.databases().stream().map(DatabaseConfig::password).filter(Objects::nonNull)
                .map(p -> p.value()).filter(v -> v != null && !v.isEmpty()).toList());
    }

    /**
     * The driver's own words when there are any; Spring's wrappers add only noise and the SQL text. A
     * socket timeout under them is named: pgjdbc says only "The connection attempt failed." when its
     * socket timeout, not its login timeout, ends a logon to a host that never answers.
     */
    String describe(Throwable error) {
        SQLException sql = deepestSqlException(error);
        Throwable source = sql != null ? sql : ExceptionUtils.getRootCause(error);
        String message = (source.getMessage() == null ? source.getClass().getSimpleName() : source.getMessage()).strip();
        int timeout = ExceptionUtils.indexOfType(source, SocketTimeoutException.class);
        if (timeout > 0) {
            Throwable socket = ExceptionUtils.getThrowableList(source).get(timeout);
            String said = socket.getMessage() == null ? "socket timed out" : socket.getMessage();
            message = message.contains(said) ? message : message + " (" + said + ")";
        }
        return Redaction.scrub(OracleErrors.explain(message), secrets);
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
        return ExceptionUtils.getThrowableList(error).stream().anyMatch(t -> t instanceof SQLTimeoutException
                || t instanceof SQLException sql && ("57014".equals(sql.getSQLState()) || sql.getErrorCode() == 1013)
                || t.getClass().getName().equals("org.springframework.dao.QueryTimeoutException"));
    }

    private static SQLException deepestSqlException(Throwable error) {
        return ExceptionUtils.getThrowableList(error).stream().filter(SQLException.class::isInstance)
                .map(SQLException.class::cast).reduce((outer, inner) -> inner).orElse(null);
    }
}

package com.example.monitor.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** The one line a failed connect or query leaves in the report. */
class ErrorMessagesTest {

    private final ErrorMessages messages = new ErrorMessages(List.of("s3cret"));

    /** pgjdbc's words when its socket timeout ends a logon to a silent host: the timeout must show. */
    @Test
    void aSocketTimeoutUnderTheDriversWordsIsNamed() {
        SQLException driver = new SQLException("The connection attempt failed.", "08001",
                new SocketTimeoutException("Read timed out"));

        assertThat(messages.describe(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", driver)))
                .isEqualTo("The connection attempt failed. (Read timed out)");
    }

    @Test
    void aMessageThatSaysItAlreadyIsLeftAsItIs() {
        SQLException driver = new SQLException("Connection attempt timed out: Read timed out", "08001",
                new SocketTimeoutException("Read timed out"));

        assertThat(messages.describe(driver)).isEqualTo("Connection attempt timed out: Read timed out");
    }

    @Test
    void otherCausesAddNothingAndPasswordsAreScrubbed() {
        SQLException driver = new SQLException("FATAL: password authentication failed (s3cret)", "28P01",
                new ConnectException("Connection refused"));

        assertThat(messages.describe(driver)).doesNotContain("s3cret").doesNotContain("Connection refused")
                .startsWith("FATAL: password authentication failed");
    }
}

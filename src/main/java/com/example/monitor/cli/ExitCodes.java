package com.example.monitor.cli;

import com.example.monitor.run.RunStatus;
import java.util.List;
import java.util.stream.Collectors;

/** The process exit codes scripts and schedulers rely on. */
public final class ExitCodes {

    public static final int COMPLETED = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_CONFIGURATION = 2;
    public static final int FINISHED_WITH_FAILURES = 3;
    public static final int CANCELLED_BY_SIGINT = 130;
    public static final int CANCELLED_BY_SIGTERM = 143;

    /** What each code means, for {@code --help} and the table in README.md (a test checks both against this). */
    public static final List<Meaning> MEANINGS = List.of(
            new Meaning(List.of(COMPLETED), "every query completed (zero rows counts as completed)"),
            new Meaning(List.of(FINISHED_WITH_FAILURES),
                    "the run finished, but some query failed or was skipped (or a route cancelled it)"),
            new Meaning(List.of(INVALID_CONFIGURATION), "invalid configuration or arguments, one line per problem"
                    + " on stderr; nothing ran and no report was written"),
            new Meaning(List.of(CANCELLED_BY_SIGINT, CANCELLED_BY_SIGTERM),
                    "cancelled by SIGINT (Ctrl-C) / SIGTERM (or SIGHUP); the partial report was written (none when"
                    + " the signal came before the run started, and stderr says so)"),
            new Meaning(List.of(INTERNAL_ERROR), "the report could not be written (stderr says why: a second"
                    + " signal before it was, for one), or an internal error (please report it with the log)"));

    private ExitCodes() {
    }

    /** Codes that mean the same outcome, and that outcome in Markdown. */
    public record Meaning(List<Integer> codes, String text) {

        public String codesText() {
            return codes.stream().map(String::valueOf).collect(Collectors.joining(" / "));
        }
    }

    public static int forStatus(RunStatus runStatus) {
        // partial, or cancelled by a route rather than a signal: the run did not do all its work
        return runStatus == RunStatus.COMPLETED ? COMPLETED : FINISHED_WITH_FAILURES;
    }
}

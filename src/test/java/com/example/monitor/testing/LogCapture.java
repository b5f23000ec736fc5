package com.example.monitor.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps every log line (message and stack trace) the application writes through SLF4J, at the level
 * given and above, for as long as it is open; loggers configured quieter are opened up to {@code level}
 * while capturing, so DEBUG output that a user could switch on is checked too. Needs the tests' SLF4J
 * backend, {@link CapturingLogProvider}.
 */
public final class LogCapture implements AutoCloseable {

    private static final List<LogCapture> OPEN = new CopyOnWriteArrayList<>();

    private final int level;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Level level) {
        this.level = level.toInt();
    }

    public static LogCapture atLevel(Level level) {
        LogCapture capture = new LogCapture(level);
        OPEN.add(capture);
        return capture;
    }

    static boolean wants(int level) {
        for (LogCapture capture : OPEN) {
            if (level >= capture.level) {
                return true;
            }
        }
        return false;
    }

    static void record(String logger, Level level, String pattern, Object[] arguments, Throwable throwable) {
        if (!wants(level.toInt())) {
            return;
        }
        StringBuilder line = new StringBuilder(logger).append(' ').append(level).append(' ')
                .append(MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        for (LogCapture capture : OPEN) {
            if (level.toInt() >= capture.level) {
                capture.lines.add(line.toString());
            }
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}

package com.example.monitor.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps every log line (message and stack trace) the application writes through Log4j 2, at the levels
 * given, for as long as it is open. The root logger is lowered to {@code level} while capturing, so
 * DEBUG output that a user could switch on is checked too.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Level level) {
        super("test-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        start();
        configuration.addAppender(this);
        List<LoggerConfig> loggers = new java.util.ArrayList<>(configuration.getLoggers().values());
        if (!loggers.contains(configuration.getRootLogger())) {
            loggers.add(configuration.getRootLogger());
        }
        for (LoggerConfig logger : loggers) {
            if (logger == configuration.getRootLogger() || !logger.isAdditive()) {
                logger.addAppender(this, Level.ALL, null);
            }
            if (logger.getLevel().isMoreSpecificThan(level)) {
                logger.setLevel(level);
            }
        }
        context.updateLoggers();
    }

    public static LogCapture atLevel(Level level) {
        return new LogCapture(level);
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel())
                .append(' ').append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** Back to the configuration from log4j2.properties: its levels, without this appender. */
    @Override
    public void close() {
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
        stop();
    }
}

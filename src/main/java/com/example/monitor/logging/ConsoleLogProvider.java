package com.example.monitor.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.event.Level;
import org.slf4j.simple.SimpleLogger;
import org.slf4j.simple.SimpleLoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * The SLF4J backend: slf4j-simple (configured by simplelogger.properties), with the level padded to
 * five characters and followed by the logger's name, so every line says who wrote it:
 * {@code HH:mm:ss.SSS LEVEL logger message}. The application's classes go by their simple name,
 * routes' log steps by {@code route.<routeId>}, and the progress and summary lines by
 * {@code progress} and {@code summary}.
 */
public final class ConsoleLogProvider extends SimpleServiceProvider {

    private final ILoggerFactory loggers = new SimpleLoggerFactory() {
        @Override
        protected Logger createLogger(String name) {
            return new PaddedLevelLogger(name);
        }
    };

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    /**
     * java.util.logging goes through here too: its console handler would print the drivers' records raw
     * to stderr (ojdbc's connection trace at INFO, 72 lines for one refused connect; pgjdbc's warnings),
     * outside this format, its escaping and the levels of simplelogger.properties.
     */
    @Override
    public void initialize() {
        super.initialize();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static final class PaddedLevelLogger extends SimpleLogger {
        private static final String OWN_CLASSES = "com.example.monitor.";

        private final String shownName;

        PaddedLevelLogger(String name) {
            super(name);
            this.shownName = name.startsWith(OWN_CLASSES) ? name.substring(name.lastIndexOf('.') + 1) : name;
        }

        /**
         * Every message and argument is escaped ({@link ConsoleText}) before it is printed: names and
         * errors come from files, requests and servers, and reach the message as an argument or, from
         * routes' log steps and progress lines, inside it. Only a {@link ConsoleText.Preformatted}
         * argument keeps its line breaks.
         */
        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                                   Object[] arguments, Throwable throwable) {
            super.handleNormalizedLoggingCall(level, marker, ConsoleText.escape(messagePattern), escaped(arguments),
                    throwable);
        }

        private static Object[] escaped(Object[] arguments) {
            if (arguments == null) {
                return null;
            }
            Object[] escaped = arguments.clone();
            for (int i = 0; i < escaped.length; i++) {
                if (escaped[i] != null && !(escaped[i] instanceof ConsoleText.Preformatted)
                        && !escaped[i].getClass().isArray()) {
                    escaped[i] = ConsoleText.escape(escaped[i].toString());
                }
            }
            return escaped;
        }

        @Override
        protected String renderLevel(int level) {
            String text = super.renderLevel(level);
            return (text.length() < 5 ? text + " " : text) + " " + shownName;
        }
    }
}

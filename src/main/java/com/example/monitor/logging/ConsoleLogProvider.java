package com.example.monitor.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
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

    private static final class PaddedLevelLogger extends SimpleLogger {
        private static final String OWN_CLASSES = "com.example.monitor.";

        private final String shownName;

        PaddedLevelLogger(String name) {
            super(name);
            this.shownName = name.startsWith(OWN_CLASSES) ? name.substring(name.lastIndexOf('.') + 1) : name;
        }

        @Override
        protected String renderLevel(int level) {
            String text = super.renderLevel(level);
            return (text.length() < 5 ? text + " " : text) + " " + shownName;
        }
    }
}

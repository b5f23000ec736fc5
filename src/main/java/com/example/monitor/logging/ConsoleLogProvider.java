package com.example.monitor.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.simple.SimpleLogger;
import org.slf4j.simple.SimpleLoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * The SLF4J backend: slf4j-simple (configured by simplelogger.properties), with the level padded to
 * five characters so lines read {@code HH:mm:ss.SSS LEVEL message} exactly as before
 * ({@code %d{HH:mm:ss.SSS} %-5level %msg%n}).
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
        PaddedLevelLogger(String name) {
            super(name);
        }

        @Override
        protected String renderLevel(int level) {
            String text = super.renderLevel(level);
            return text.length() < 5 ? text + " " : text;
        }
    }
}

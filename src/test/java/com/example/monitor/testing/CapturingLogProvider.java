package com.example.monitor.testing;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.simple.SimpleLogger;
import org.slf4j.simple.SimpleLoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * The SLF4J backend of the tests (surefire sets {@code slf4j.provider} to this class): slf4j-simple as
 * configured by simplelogger.properties, whose loggers also hand every event an open {@link LogCapture}
 * wants to that capture, at whatever level the capture asks for.
 */
public final class CapturingLogProvider extends SimpleServiceProvider {

    private final ILoggerFactory loggers = new SimpleLoggerFactory() {
        @Override
        protected Logger createLogger(String name) {
            return new CapturingLogger(name);
        }
    };

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    private static final class CapturingLogger extends SimpleLogger {
        CapturingLogger(String name) {
            super(name);
        }

        @Override
        protected boolean isLevelEnabled(int level) {
            return LogCapture.wants(level) || super.isLevelEnabled(level);
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            LogCapture.record(getName(), level, pattern, arguments, throwable);
            if (super.isLevelEnabled(level.toInt())) {
                super.handleNormalizedLoggingCall(level, marker, pattern, arguments, throwable);
            }
        }
    }
}

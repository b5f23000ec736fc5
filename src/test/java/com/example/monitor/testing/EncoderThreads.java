package com.example.monitor.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Threads for a RowSpool's encoders, a pool of each test's own, stopped after the test so that no
 * encoder a test left running reaches into the next one. Register as an instance field:
 * {@code @RegisterExtension final EncoderThreads encoders = new EncoderThreads();}.
 */
public final class EncoderThreads implements AfterEachCallback {

    private final ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newCachedThreadPool();

    public ThreadPoolExecutor pool() {
        return pool;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        pool.shutdownNow();
    }
}

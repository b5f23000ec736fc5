package com.example.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The test method about to run and a fresh folder for it, known before the test instance is built.
 * {@link MonitorTestSupport} reads its properties in the constructor (CamelTestSupport does), before
 * any field of the test class is set, so per-test settings such as an inbox folder come from here.
 * Register with {@code @ExtendWith(PerTest.class)}; tests run one at a time in a fork.
 */
public final class PerTest implements TestInstancePreConstructCallback {

    private static volatile Method method;
    private static volatile Path folder;

    /** Without this, the constructor sees the class's context, which has no test method. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        Method test = context.getRequiredTestMethod();
        try {
            folder = Files.createTempDirectory(test.getDeclaringClass().getSimpleName() + "-" + test.getName() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        method = test;
    }

    public static Method method() {
        if (method == null) {
            throw new IllegalStateException("register the PerTest extension: @ExtendWith(PerTest.class)");
        }
        return method;
    }

    /** A folder of its own for the current test (inbox, output, routes...). */
    public static Path folder() {
        method();
        return folder;
    }

    public static <A extends Annotation> Optional<A> annotation(Class<A> type) {
        return Optional.ofNullable(method().getAnnotation(type));
    }
}

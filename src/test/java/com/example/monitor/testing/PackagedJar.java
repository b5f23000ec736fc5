package com.example.monitor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class of the packaged jar ({@code *IT}, with {@link MonitorProcess}): skipped when the jar is
 * missing, as with {@code mvn test} instead of {@code verify}. Decided before the class's extensions and
 * {@code @BeforeAll} methods run, so a skipped class starts no server and creates no database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PackagedJar.Built.class)
public @interface PackagedJar {

    /** Enables the class only when {@link MonitorProcess#JAR} is there. */
    final class Built implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Files.isRegularFile(MonitorProcess.JAR)
                    ? ConditionEvaluationResult.enabled(MonitorProcess.JAR + " is built")
                    : ConditionEvaluationResult.disabled("run 'mvn package' first: " + MonitorProcess.JAR + " is missing");
        }
    }
}

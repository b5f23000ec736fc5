package com.example.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.example.monitor.http.RunMetrics;
import com.example.monitor.testing.H2DemoProject;
import com.example.monitor.testing.LoopbackPorts;
import com.example.monitor.testing.MonitorProcess;
import com.example.monitor.testing.PackagedJar;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure no part of the launcher expects, escaping {@code MonitorLauncher.run} once Vert.x's
 * threads, which are not daemons, are running: {@link MonitorApplication} still ends the process with
 * exit 1 and says why, instead of leaving a JVM that runs nothing but still holds the HTTP port.
 *
 * <p>The failure is real, with no hook in the product: a copy of the jar lacks {@link RunMetrics}.
 * Of the app's classes it is the first one loaded after the HTTP server listens: Camel starts the
 * server among its services and only then calls {@code onCamelContextStarted}, where
 * {@code HttpServerSetup} creates the metrics listener (its self-check of the port comes right after,
 * so the port is open by then). Camel does not catch an {@link Error} from a startup listener, and
 * the launcher stops Camel only on an {@link Exception} from the start, so the
 * {@link NoClassDefFoundError} leaves {@code run} with Camel and Vert.x still running. No class of
 * the launcher's own would do: every one service mode needs after the start is loaded by then, and a
 * failure after the start would pass its {@code finally}, which stops Camel and closes Vert.x.
 */
@PackagedJar
class UnexpectedFailureIT {

    private static final String MISSING = RunMetrics.class.getName().replace('.', '/');
    /** Far past a start-up on a busy machine; a process kept alive by Vert.x would never exit. */
    private static final Duration EXITS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aClassMissingOnceTheHttpServerListensEndsTheServiceWithExitOneAndClosesThePort() throws Exception {
        H2DemoProject.write(dir, "unexpected_failure_it");
        Path jar = Files.copy(MonitorProcess.JAR, dir.resolve("without-run-metrics.jar"));
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.delete(zip.getPath(MISSING + ".class"));
        }
        int port = LoopbackPorts.free();
        AtomicBoolean listened = new AtomicBoolean();
        try (MonitorProcess service = MonitorProcess.jar().jarFile(jar).in(dir)
                .args("--monitor.mode=service", "--monitor.schedule=1h", "--monitor.http.port=" + port,
                        "--monitor.http.token=unexpected-failure-t0ken")
                .start()) {
            // polled every 2 ms: the port is open for some 100 ms before the class is missed
            await().atMost(EXITS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> {
                        listened.set(accepts(port));
                        return listened.get() || !service.isAlive();
                    });

            int exit = service.awaitExit(EXITS);

            assertThat(exit).as(service.log()).isEqualTo(1);
            assertThat(service.log()).contains("error: stopped by an unexpected failure: java.lang.NoClassDefFoundError: "
                    + MISSING + "\n")
                    .as("the class was missed after the server started, not while Camel was being configured")
                    .containsPattern("at com\\.example\\.monitor\\.http\\.HttpServerSetup\\S*\\.onCamelContextStarted\\(");
            assertThat(listened).as("the port was open before the failure; log:%n%s", service.log()).isTrue();
            assertThatThrownBy(() -> connect(port)).as("the port once the process has exited")
                    .isInstanceOf(ConnectException.class);
        }
    }

    /** Whether something listens on the port; while polling, any failure to connect says no. */
    private static boolean accepts(int port) {
        try {
            connect(port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        }
    }
}

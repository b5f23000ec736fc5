package com.example.monitor.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the Debian tools the Kerberos tests need, bounded in time, failing with their output. */
final class Commands {

    private static final long TIMEOUT_SECONDS = 120;

    private Commands() {
    }

    /** Runs a command to its end; a non-zero exit fails with what it printed. */
    static String run(Map<String, String> environment, Path workDir, String stdin, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                    + ":\n" + output);
        }
        return output;
    }

    /** The command as the postgres user when running as root ({@code initdb} refuses root), else as is. */
    static String[] asPostgres(Map<String, String> environment, String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add("env");
        environment.forEach((key, value) -> full.add(key + "=" + value));
        full.addAll(List.of(command));
        return full.toArray(String[]::new);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void chownToPostgres(Path path) throws IOException, InterruptedException {
        if (isRoot()) {
            run(Map.of(), path.getParent(), null, "chown", "-R", "postgres:postgres", path.toString());
        }
    }
}

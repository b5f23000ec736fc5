package bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The knobs, from {@code BENCH_*} environment variables (bench/README.md), and where things are.
 *
 * @param root the repository root: the app jar is {@code target/client-activity-monitor.jar} there
 */
record BenchSettings(Path root, int repeat, int parallelRepeat, int rows, int smallDatabases,
                     List<Integer> parallelNs, int maxParallel, String xmx, boolean keep) {

    static final String START_DATE = "2000-01-01T00:00:00";

    static BenchSettings from(Path root, Map<String, String> env) {
        BenchSettings settings = new BenchSettings(root,
                number(env, "BENCH_REPEAT", 3),
                number(env, "BENCH_PARALLEL_REPEAT", 1),
                number(env, "BENCH_ROWS", 1_000_000),
                number(env, "BENCH_SMALL_DATABASES", 100),
                Arrays.stream(env.getOrDefault("BENCH_PARALLEL_NS", "4 8").trim().split("\\s+"))
                        .map(Integer::parseInt).toList(),
                number(env, "BENCH_MAX_PARALLEL", 2),
                env.getOrDefault("BENCH_XMX", "512m"),
                "1".equals(env.get("BENCH_KEEP")));
        for (int n : settings.parallelNs) {
            if (n > settings.smallDatabases) {
                throw new IllegalArgumentException("BENCH_PARALLEL_NS: " + n + " is more than the "
                        + settings.smallDatabases + " small databases");
            }
        }
        if (settings.smallDatabases < 2) {
            throw new IllegalArgumentException("BENCH_SMALL_DATABASES: at least 2, to compare with 1 database");
        }
        return settings;
    }

    Path appJar() {
        return root.resolve("target/client-activity-monitor.jar");
    }

    Path floorJar() {
        return root.resolve("bench/target/bench-floor.jar");
    }

    /** HeapPerRow and the floor's SQL helper, put next to the app jar for the heap probe. */
    Path benchClasses() {
        return root.resolve("bench/target/classes");
    }

    Path resultsDir() {
        return root.resolve("bench/target");
    }

    /** 1M, 100k or the plain count: how the cases are named. */
    String rowsLabel() {
        if (rows % 1_000_000 == 0) {
            return rows / 1_000_000 + "M";
        }
        return rows % 1000 == 0 ? rows / 1000 + "k" : Integer.toString(rows);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }
}

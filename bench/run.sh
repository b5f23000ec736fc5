#!/usr/bin/env bash
# The benchmark of issue 5, in one command, from anywhere:   bash bench/run.sh
#
# Builds the app jar and the bench programs, then starts bench.Bench (bench/src/main/java/bench), which
# does the rest: the embedded PostgreSQL with the data, every case as its own process, the medians, the
# comparison with the plain-JDBC floor, and bench/target/results.md. See bench/README.md.
#
# Knobs (environment), read by bench.Bench: BENCH_REPEAT, BENCH_PARALLEL_REPEAT, BENCH_ROWS,
# BENCH_SMALL_DATABASES, BENCH_PARALLEL_NS, BENCH_MAX_PARALLEL, BENCH_XMX, BENCH_KEEP. Here:
#   BENCH_SKIP_BUILD=1        reuse target/client-activity-monitor.jar and bench/target/*.jar
#   BENCH_MAVEN_ARGS="-o"     extra Maven arguments for both builds
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "bench: building the app jar (mvn -B -q package -DskipTests)" >&2
    # word splitting of BENCH_MAVEN_ARGS is intended: it may hold several arguments
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -B -q ${BENCH_MAVEN_ARGS:-} package -DskipTests)
    echo "bench: building the bench programs (bench/pom.xml)" >&2
    # shellcheck disable=SC2086
    (cd "$ROOT/bench" && mvn -B -q ${BENCH_MAVEN_ARGS:-} package)
fi

# exec: Ctrl-C and SIGTERM reach the JVM, whose shutdown hook stops the case in flight and the database
exec java -Xmx256m -Dbench.root="$ROOT" -cp "$ROOT/bench/target/bench-tools.jar" bench.Bench

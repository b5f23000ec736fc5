#!/bin/bash
# The once-mode demo's whole process, jars measured alternately (A, B, A, B, ...) so that a shared
# machine's load falls on all of them alike: hyperfine runs each command's rounds together.
#   bash bench/startup-ab.sh ROUNDS label=path/to.jar [label=path/to.jar ...]
# Runs in STARTUP_AB_DIR (default: a temp copy of the repo's databases.yaml and sql/), removing output/
# before each run. One line per run, tab-separated: label, round, wall s, start-up s (process start to
# the first progress line), exit code, CPU s (user + sys). The medians follow, the first jar as 1.00.
set -euo pipefail
rounds=$1; shift
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${STARTUP_AB_DIR:-$(mktemp -d)}
[ -f "$dir/databases.yaml" ] || cp -r "$repo/databases.yaml" "$repo/sql" "$dir/"
results=$(mktemp)
cd "$dir"
for ((i = 1; i <= rounds; i++)); do
  for spec in "$@"; do
    label=${spec%%=*}; jar=${spec#*=}
    rm -rf output
    t0=$(date +%s%N)
    rc=0; /usr/bin/time -f "%U %S" -o cpu.txt java -jar "$jar" > run.log 2>&1 || rc=$?
    t1=$(date +%s%N)
    # the log's HH:mm:ss.SSS against the start's time of day (UTC, as the log's)
    first=$(grep -m1 progress run.log | cut -c1-12 || true)
    start_ms=$(( (t0 / 1000000) % 86400000 ))
    startup=-1
    if [ -n "$first" ]; then
      IFS=':.' read -r h m s ms <<< "$first"
      startup=$(( 10#$h * 3600000 + 10#$m * 60000 + 10#$s * 1000 + 10#$ms - start_ms ))
    fi
    printf "%s\t%d\t%.3f\t%.3f\t%s\t%s\n" "$label" "$i" "$(echo "($t1 - $t0) / 1000000000" | bc -l)" \
      "$(echo "$startup / 1000" | bc -l)" "$rc" "$(awk '{print $1 + $2}' cpu.txt)" | tee -a "$results"
  done
done
python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, _, wall, startup, rc, cpu = line.rstrip("\n").split("\t")
    runs[label].append((float(wall), float(startup), rc, float(cpu)))
first = None
for label, rows in runs.items():
    wall, startup, cpu = (statistics.median(r[i] for r in rows) for i in (0, 1, 3))
    first = first or (wall, cpu)
    print(f"{label}: {len(rows)} runs, wall median {wall:.2f} s ({min(r[0] for r in rows):.2f}-{max(r[0] for r in rows):.2f}),"
          f" start-up {startup:.2f} s, CPU {cpu:.2f} s, wall x first {wall / first[0]:.2f}, CPU x first {cpu / first[1]:.2f},"
          f" exit codes {sorted(set(r[2] for r in rows))}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

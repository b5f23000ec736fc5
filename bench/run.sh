#!/usr/bin/env bash
# The benchmark of issue 5, in one command, from anywhere:   bash bench/run.sh
#
# Builds the app jar and the bench programs, starts an embedded PostgreSQL with the data, runs the app and
# the plain-JDBC floor on the same work, prints one table row per case, and stops everything it started.
# See bench/README.md for what is measured and how to read the table.
#
# Knobs (environment):
#   BENCH_REPEAT=3            runs per case for the 1M-row and 1/100-database cases; the median is shown
#   BENCH_PARALLEL_REPEAT=1   runs per case for the parallel (pg_sleep) cases
#   BENCH_ROWS=1000000        rows in the large table
#   BENCH_SMALL_DATABASES=100 databases in the scale case
#   BENCH_PARALLEL_NS="4 8"   database counts of the parallel case
#   BENCH_MAX_PARALLEL=2      the monitor.max-parallel-databases value tried in the parallel case
#   BENCH_XMX=512m            heap of the app and the floor
#   BENCH_SKIP_BUILD=1        reuse target/client-activity-monitor.jar and bench/target/*.jar
#   BENCH_MAVEN_ARGS="-o"     extra Maven arguments for both builds
#   BENCH_KEEP=1              keep the temp work directory (logs, reports, configs); data is deleted anyway
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
REPEAT=${BENCH_REPEAT:-3}
PARALLEL_REPEAT=${BENCH_PARALLEL_REPEAT:-1}
ROWS=${BENCH_ROWS:-1000000}
SMALL=${BENCH_SMALL_DATABASES:-100}
PARALLEL_NS=${BENCH_PARALLEL_NS:-4 8}
MAX_PARALLEL=${BENCH_MAX_PARALLEL:-2}
XMX=${BENCH_XMX:-512m}
APP_JAR=$ROOT/target/client-activity-monitor.jar
TOOLS_JAR=$BENCH/target/bench-tools.jar
FLOOR_JAR=$BENCH/target/bench-floor.jar
RESULTS_DIR=$BENCH/target
START_DATE=2000-01-01T00:00:00
ROWS_LABEL=$(awk -v r="$ROWS" 'BEGIN { if (r % 1000000 == 0) print r / 1000000 "M"; else if (r % 1000 == 0) print r / 1000 "k"; else print r }')

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---- build -------------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building the app jar (mvn -B -q package -DskipTests)"
    (cd "$ROOT" && mvn -B -q ${BENCH_MAVEN_ARGS:-} package -DskipTests) || die "the app build failed"
    log "building the bench programs (bench/pom.xml)"
    (cd "$BENCH" && mvn -B -q ${BENCH_MAVEN_ARGS:-} package) || die "the bench build failed"
fi
for jar in "$APP_JAR" "$TOOLS_JAR" "$FLOOR_JAR"; do
    [ -f "$jar" ] || die "missing $jar"
done

# ---- everything we start is stopped on exit ----------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/monitor-bench.XXXXXX")
DB_PID=
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$DB_PID" ] && kill -0 "$DB_PID" 2>/dev/null; then
        log "stopping the embedded PostgreSQL"
        kill -TERM "$DB_PID" 2>/dev/null
        for _ in $(seq 1 300); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$DB_PID" 2>/dev/null
    fi
    # the postmaster is a grandchild of the launcher: if the launcher could not stop it, stop it here
    local pm=$WORK/db/pgdata/postmaster.pid
    if [ -f "$pm" ]; then
        local pg_pid
        pg_pid=$(head -1 "$pm")
        if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
            kill -TERM "$pg_pid" 2>/dev/null
            for _ in $(seq 1 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
        fi
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        rm -rf "$WORK/db/pgdata"
        log "kept $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$WORK/db" "$WORK/cfg" "$WORK/logs" "$WORK/out"

# ---- the database ------------------------------------------------------------------------------------
log "starting the embedded PostgreSQL and creating $ROWS rows + $SMALL small databases (work dir $WORK)"
java -Xmx256m -cp "$TOOLS_JAR" bench.BenchDatabase "$WORK/db" "$ROWS" "$SMALL" >"$WORK/logs/db.log" 2>&1 &
DB_PID=$!
for _ in $(seq 1 6000); do
    [ -f "$WORK/db/port" ] && break
    kill -0 "$DB_PID" 2>/dev/null || { cat "$WORK/logs/db.log" >&2; die "the database launcher died"; }
    sleep 0.1
done
[ -f "$WORK/db/port" ] || die "the database was not ready in 10 minutes"
PORT=$(cat "$WORK/db/port")
grep '^bench-db:' "$WORK/logs/db.log" | sed 's/^/    /' >&2

# ---- configurations: one databases.yaml per case, the SQL files next to them ---------------------------
CFG=$WORK/cfg
cat >"$CFG/rows.sql" <<'EOF'
-- the large result: every row of bench.activity (6 columns)
SELECT id, name, amount, changed_at, client_id, note
  FROM activity
 WHERE changed_at >= :start_date;
EOF
cat >"$CFG/small.sql" <<'EOF'
-- a small result: 10 rows x 3 columns
SELECT id, name, changed_at
  FROM events
 WHERE changed_at >= :start_date;
EOF
cat >"$CFG/sleep.sql" <<'EOF'
-- a query that takes 1 s on the server
SELECT 1 AS slept FROM pg_sleep(1);
EOF
jdbc_url() { echo "jdbc:postgresql://localhost:$PORT/$1"; }
small_name() { printf 'small_%03d' "$1"; }
yaml_entry() { # name database sqlfile queryname
    cat <<EOF
  - name: $1
    url: "$(jdbc_url "$2")"
    auth: password
    username: postgres
    password: bench
    properties:
      ApplicationName: bench
    sql_queries:
      - name: $4
        query_location: $3
        fetch_size: 1000
EOF
}
{ echo "databases:"; yaml_entry bench bench rows.sql "rows"; } >"$CFG/large.yaml"
FLOOR_LARGE=("bench=$(jdbc_url bench)")
{ echo "databases:"; yaml_entry "$(small_name 1)" "$(small_name 1)" small.sql "events"; } >"$CFG/small-1.yaml"
FLOOR_SMALL_1=("$(small_name 1)=$(jdbc_url "$(small_name 1)")")
FLOOR_SMALL_N=()
{ echo "databases:"; for i in $(seq 1 "$SMALL"); do
      yaml_entry "$(small_name "$i")" "$(small_name "$i")" small.sql "events"
      FLOOR_SMALL_N+=("$(small_name "$i")=$(jdbc_url "$(small_name "$i")")")
  done; } >"$CFG/small-$SMALL.yaml"
for n in $PARALLEL_NS; do
    [ "$n" -le "$SMALL" ] || die "BENCH_PARALLEL_NS: $n is more than the $SMALL small databases"
    { echo "databases:"; for i in $(seq 1 "$n"); do
          yaml_entry "$(small_name "$i")" "$(small_name "$i")" sleep.sql "sleep 1s"
      done; } >"$CFG/sleep-$n.yaml"
done
floor_sleep_targets() { for i in $(seq 1 "$1"); do echo "$(small_name "$i")=$(jdbc_url "$(small_name "$i")")"; done; }

# ---- measuring one process ---------------------------------------------------------------------------
TIME_BIN=
if command -v /usr/bin/time >/dev/null 2>&1 && /usr/bin/time -v true >/dev/null 2>&1; then
    TIME_BIN=/usr/bin/time
fi
RAW=$WORK/raw.tsv
printf 'case\trep\trc\twall_ms\trss_kb\theap_peak_mb\theap_live_mb\tstartup_ms\tqueries_ms\treport_ms\texit_ms\trows\n' >"$RAW"

ms_of_day_now() { # local time of day in ms, like the app's log timestamps
    local s
    s=$(date +%H:%M:%S.%N)
    awk -v t="$s" 'BEGIN { split(t, a, ":"); printf "%d", ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 }'
}

# run_case CASE REP ROWS KIND(app|floor) -- command...
run_case() {
    local name=$1 rep=$2 rows=$3 kind=$4
    shift 5
    local id=$name.$rep
    local out=$WORK/logs/$id.out gc=$WORK/logs/$id.gc
    local cmd=("$@")
    # java -Xlog goes right after "java"
    cmd=("${cmd[0]}" "-Xlog:gc,gc+heap+exit:file=$gc" "${cmd[@]:1}")
    local start_tod t0 t1 rc rss_kb
    start_tod=$(ms_of_day_now)
    t0=$(date +%s%N)
    if [ -n "$TIME_BIN" ]; then
        "$TIME_BIN" -v -o "$WORK/logs/$id.time" "${cmd[@]}" >"$out" 2>&1
        rc=$?
        t1=$(date +%s%N)
        rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/logs/$id.time")
    else
        # no GNU time: poll the kernel's high-water mark of the process
        "${cmd[@]}" >"$out" 2>&1 &
        local pid=$! v
        rss_kb=0
        while kill -0 "$pid" 2>/dev/null; do
            v=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
            [ -n "$v" ] && rss_kb=$v
            sleep 0.02
        done
        wait "$pid"
        rc=$?
        t1=$(date +%s%N)
    fi
    local wall_ms=$(( (t1 - t0) / 1000000 ))
    # heap: the largest "before" of any GC pause, or the heap used at exit if larger (no GC at all);
    # "live": the largest heap after a GC pause (live data plus whatever that pause did not collect)
    local heap
    heap=$(awk '
        /Pause/ && match($0, /[0-9]+M->[0-9]+M/) {
            s = substr($0, RSTART, RLENGTH); split(s, a, /M->|M/)
            if (a[1] + 0 > peak) peak = a[1] + 0
            if (a[2] + 0 > live) live = a[2] + 0
            gcs++
        }
        /gc,heap,exit/ && match($0, /used [0-9]+K/) {
            u = substr($0, RSTART + 5, RLENGTH - 6) / 1024
            if (u > peak) peak = u
        }
        END { printf "%d\t%s", peak, (gcs ? live : "-") }' "$gc" 2>/dev/null)
    # phases from the app log: start-up (process start -> first progress line), queries (-> last
    # progress line), report (-> the summary, logged once the report is written), exit (-> process end)
    local phases="-	-	-	-"
    if [ "$kind" = app ]; then
        phases=$(awk -v start="$start_tod" -v wall="$wall_ms" '
            function tod(s,  a) { split(s, a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
            function since(t) { d = t - start; if (d < -43200000) d += 86400000; return d }
            /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9] / {
                t = tod($1)
                if ($0 ~ / progress /) { if (first == "") first = t; lastp = t }
                last = t
            }
            END {
                if (first == "") { print "-\t-\t-\t-"; exit }
                s = since(first); q = since(lastp) - s; r = since(last) - since(lastp)
                printf "%d\t%d\t%d\t%d", s, q, r, wall - since(last)
            }' "$out")
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rep" "$rc" "$wall_ms" "${rss_kb:-0}" "$heap" "$phases" "$rows" >>"$RAW"
    local status="ok"
    case "$kind:$rc" in app:0|floor:0) ;; *) status="exit $rc (see $out)";; esac
    log "$(printf '%-24s run %s: %6d ms, RSS %5d MB, %s' "$name" "$rep" "$wall_ms" "$(( ${rss_kb:-0} / 1024 ))" "$status")"
    return 0
}

# The app reads ./application.properties and ./routes when they exist: run every case from an empty
# directory, so only the jar's defaults and the arguments below apply (all paths here are absolute).
mkdir -p "$WORK/run"
cd "$WORK/run" || die "cannot enter $WORK/run"
APP=(java "-Xmx$XMX" -jar "$APP_JAR" --monitor.start-date="$START_DATE")
FLOOR=(java "-Xmx$XMX" -jar "$FLOOR_JAR" --start-date="$START_DATE" --fetch-size=1000)

# ---- does this app have stream mode? -------------------------------------------------------------------
STREAM=0
if java -jar "$APP_JAR" --help 2>&1 | grep -q 'monitor.results'; then
    STREAM=1
else
    java -jar "$APP_JAR" --monitor.databases-file="$CFG/small-1.yaml" --monitor.output-dir="$WORK/out/probe" \
        --monitor.results=stream >"$WORK/logs/stream-probe.out" 2>&1
    probe_rc=$?
    if [ "$probe_rc" = 0 ]; then STREAM=1; fi
fi
if [ "$STREAM" = 1 ]; then
    log "the app supports --monitor.results=stream: measuring memory and stream modes"
else
    log "the app has no --monitor.results (exit $probe_rc on a probe run): stream mode skipped"
fi

last_report() { ls -t "$1"/*.json 2>/dev/null | head -1; }

# ---- the app as bin/client-activity-monitor starts it: with an AppCDS archive of its classes -------------
ARCHIVE=$WORK/app.jsa
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP_JAR" \
    --monitor.databases-file="$CFG/small-1.yaml" --monitor.output-dir="$WORK/out/cds-training" \
    >"$WORK/logs/cds-training.out" 2>&1 || log "the AppCDS training run failed (see $WORK/logs/cds-training.out)"
APP_CDS=(java "-Xmx$XMX" -XX:SharedArchiveFile="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$APP_JAR"
    --monitor.start-date="$START_DATE")

# ---- case 1 and 2: the large result, app vs floor, interleaved so load changes hit both ----------------
for rep in $(seq 1 "$REPEAT"); do
    rm -rf "$WORK/out/large-"*
    run_case "floor $ROWS_LABEL" "$rep" "$ROWS" floor -- "${FLOOR[@]}" --out="$WORK/out/large-floor/floor.json" \
        --sql="$CFG/rows.sql" --query-name=rows "${FLOOR_LARGE[@]}"
    run_case "app $ROWS_LABEL memory" "$rep" "$ROWS" app -- "${APP[@]}" --monitor.output-dir="$WORK/out/large-memory" \
        --monitor.databases-file="$CFG/large.yaml"
    if [ "$STREAM" = 1 ]; then
        run_case "app $ROWS_LABEL stream" "$rep" "$ROWS" app -- "${APP[@]}" --monitor.output-dir="$WORK/out/large-stream" \
            --monitor.databases-file="$CFG/large.yaml" --monitor.results=stream
    fi
    run_case "app $ROWS_LABEL memory cds" "$rep" "$ROWS" app -- "${APP_CDS[@]}" \
        --monitor.output-dir="$WORK/out/large-memory-cds" --monitor.databases-file="$CFG/large.yaml"
    if [ "$STREAM" = 1 ]; then
        run_case "app $ROWS_LABEL stream cds" "$rep" "$ROWS" app -- "${APP_CDS[@]}" \
            --monitor.output-dir="$WORK/out/large-stream-cds" --monitor.databases-file="$CFG/large.yaml" \
            --monitor.results=stream
    fi
done
CHECKS=()
check() { # label expected actual
    if [ -z "$3" ] || [ ! -f "$3" ]; then CHECKS+=("$1: no report"); return; fi
    local verdict
    verdict=$(java -Xmx256m -cp "$TOOLS_JAR" bench.ReportCheck "$2" "$3" 2>&1 | head -5)
    CHECKS+=("$1: $verdict")
}
check "app $ROWS_LABEL memory vs floor" "$WORK/out/large-floor/floor.json" "$(last_report "$WORK/out/large-memory")"
[ "$STREAM" = 1 ] && check "app $ROWS_LABEL stream vs floor" "$WORK/out/large-floor/floor.json" "$(last_report "$WORK/out/large-stream")"
LARGE_BYTES=$(stat -c %s "$WORK/out/large-floor/floor.json" 2>/dev/null || echo 0)
rm -rf "$WORK/out/large-"*

# ---- case 3: 1 database vs $SMALL databases, one small query each ----------------------------------------
for rep in $(seq 1 "$REPEAT"); do
    run_case "floor 1 db" "$rep" 10 floor -- "${FLOOR[@]}" --out="$WORK/out/small-floor/1-$rep.json" \
        --sql="$CFG/small.sql" --query-name=events "${FLOOR_SMALL_1[@]}"
    run_case "app 1 db" "$rep" 10 app -- "${APP[@]}" --monitor.output-dir="$WORK/out/small-1" --monitor.databases-file="$CFG/small-1.yaml"
    run_case "app 1 db cds" "$rep" 10 app -- "${APP_CDS[@]}" --monitor.output-dir="$WORK/out/small-1-cds" \
        --monitor.databases-file="$CFG/small-1.yaml"
    run_case "floor $SMALL dbs" "$rep" $((SMALL * 10)) floor -- "${FLOOR[@]}" \
        --out="$WORK/out/small-floor/n-$rep.json" --sql="$CFG/small.sql" --query-name=events \
        "${FLOOR_SMALL_N[@]}"
    run_case "app $SMALL dbs" "$rep" $((SMALL * 10)) app -- "${APP[@]}" --monitor.output-dir="$WORK/out/small-n" --monitor.databases-file="$CFG/small-$SMALL.yaml"
done
check "app $SMALL dbs vs floor" "$WORK/out/small-floor/n-$REPEAT.json" "$(last_report "$WORK/out/small-n")"

# ---- case 4: N databases x a 1 s query, all at once and at most $MAX_PARALLEL at a time ------------------
for rep in $(seq 1 "$PARALLEL_REPEAT"); do
    for n in $PARALLEL_NS; do
        mapfile -t targets < <(floor_sleep_targets "$n")
        run_case "floor ${n}x1s all" "$rep" "$n" floor -- "${FLOOR[@]}" --out="$WORK/out/sleep/floor-$n.json" \
            --sql="$CFG/sleep.sql" --query-name="sleep 1s" --parallel=0 "${targets[@]}"
        run_case "app ${n}x1s all" "$rep" "$n" app -- "${APP[@]}" --monitor.output-dir="$WORK/out/sleep" --monitor.databases-file="$CFG/sleep-$n.yaml"
        run_case "floor ${n}x1s max $MAX_PARALLEL" "$rep" "$n" floor -- "${FLOOR[@]}" \
            --out="$WORK/out/sleep/floor-$n-$MAX_PARALLEL.json" --sql="$CFG/sleep.sql" --query-name="sleep 1s" \
            --parallel="$MAX_PARALLEL" "${targets[@]}"
        run_case "app ${n}x1s max $MAX_PARALLEL" "$rep" "$n" app -- "${APP[@]}" --monitor.output-dir="$WORK/out/sleep" \
            --monitor.databases-file="$CFG/sleep-$n.yaml" --monitor.max-parallel-databases="$MAX_PARALLEL"
    done
done

# ---- heap retained per row (memory mode), measured exactly with forced full GCs --------------------------
HEAP_LINES=()
for mode in app-columnar app camel-default; do
    line=$(java -Xmx3g -cp "$APP_JAR:$BENCH/target/classes" bench.HeapPerRow "$mode" "$(jdbc_url bench)" "$CFG/rows.sql" 2>&1 \
        | grep '^heap-per-row' || echo "heap-per-row mode=$mode: failed (the app's row mapper class may have moved)")
    HEAP_LINES+=("$line")
done

# ---- the table ---------------------------------------------------------------------------------------------
floor_of() { # the floor case an app case is compared with
    case "$1" in
        "app $ROWS_LABEL "*) echo "floor $ROWS_LABEL" ;;
        "app 1 db"|"app 1 db cds") echo "floor 1 db" ;;
        "app $SMALL dbs") echo "floor $SMALL dbs" ;;
        app\ *) echo "floor ${1#app }" ;;
        *) echo "" ;;
    esac
}
mkdir -p "$RESULTS_DIR"
cp "$RAW" "$RESULTS_DIR/results.tsv"
# the median run of each case (by wall time); with an even count, the lower one
awk -F'\t' 'NR > 1 { print }' "$RAW" | sort -t$'\t' -k1,1 -k4,4n | awk -F'\t' '
    { n[$1]++; line[$1, n[$1]] = $0; if (!($1 in order)) { order[$1] = ++k; name[k] = $1 } }
    END { for (i = 1; i <= k; i++) { c = name[i]; m = int((n[c] + 1) / 2); print line[c, m] "\t" n[c] } }' >"$WORK/median.tsv"

TABLE=$WORK/table.md
{
    echo "| case | runs | wall s | rows/s | peak RSS MB | peak heap MB | live heap MB | start-up s | queries s | report s | exit s | wall × floor | RSS × floor |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    # print in the order the cases ran
    awk -F'\t' 'NR > 1 && !seen[$1]++ { print $1 }' "$RAW" | while IFS= read -r c; do
        row=$(awk -F'\t' -v c="$c" '$1 == c' "$WORK/median.tsv")
        f=$(floor_of "$c")
        frow=
        [ -n "$f" ] && frow=$(awk -F'\t' -v c="$f" '$1 == c' "$WORK/median.tsv")
        awk -F'\t' -v row="$row" -v frow="$frow" 'BEGIN {
            split(row, r, "\t"); split(frow, f, "\t")
        }
        function s(ms) { return ms == "-" ? "-" : sprintf("%.2f", ms / 1000) }
        END {
            wall = r[4] / 1000
            rps = r[12] / (wall > 0 ? wall : 1)
            ok = (r[3] == 0) ? "" : " (exit " r[3] ")"
            ratio = "-"; rss = "-"
            if (frow != "" && f[4] > 0) { ratio = sprintf("%.2f", r[4] / f[4]); rss = sprintf("%.2f", r[5] / f[5]) }
            printf "| %s%s | %d | %.2f | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                r[1], ok, r[13], wall, (rps >= 1000 ? sprintf("%.0f", rps) : sprintf("%.1f", rps)), r[5] / 1024,
                r[6], r[7], s(r[8]), s(r[9]), s(r[10]), s(r[11]), ratio, rss
        }' </dev/null
    done
} >"$TABLE"

median_field() { awk -F'\t' -v c="$1" -v f="$2" '$1 == c { print $f }' "$WORK/median.tsv"; }
per_db() { # wall-based and in-run overhead per database, in ms
    local one=$1 many=$2 field=$3
    local a b
    a=$(median_field "$one" "$field"); b=$(median_field "$many" "$field")
    if [ -z "$a" ] || [ -z "$b" ] || [ "$a" = - ] || [ "$b" = - ]; then echo "-"; return; fi
    awk -v a="$a" -v b="$b" -v n="$SMALL" 'BEGIN { printf "%.1f", (b - a) / (n - 1) }'
}
{
    echo
    echo "Scale in databases: cost of each extra database = (median of $SMALL dbs − median of 1 db) / $((SMALL - 1))"
    echo "- app, whole process: $(per_db "app 1 db" "app $SMALL dbs" 4) ms per database"
    echo "- app, run only (first progress line to summary): $(per_db "app 1 db" "app $SMALL dbs" 9) ms queries + $(per_db "app 1 db" "app $SMALL dbs" 10) ms report per database"
    echo "- floor, whole process: $(per_db "floor 1 db" "floor $SMALL dbs" 4) ms per database"
    echo
    echo "Heap retained per row ($ROWS_LABEL rows held in memory, full GCs before and after; -Xmx3g probe, bench/HeapPerRow):"
    for l in "${HEAP_LINES[@]}"; do echo "- $l"; done
    echo
    echo "Result checks (bench/ReportCheck: same columns, rowCount and rows, token by token):"
    for l in "${CHECKS[@]}"; do echo "- $l"; done
    echo
    echo "The $ROWS_LABEL-row report is $((LARGE_BYTES / 1048576)) MB of JSON. Runs per case: $REPEAT ($ROWS_LABEL, 1/$SMALL dbs), $PARALLEL_REPEAT (parallel); the median run is shown."
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs."
} >>"$TABLE"
cp "$TABLE" "$RESULTS_DIR/results.md"
echo
cat "$TABLE"
echo
log "table saved to $RESULTS_DIR/results.md (all runs: $RESULTS_DIR/results.tsv)"

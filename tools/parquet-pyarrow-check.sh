#!/usr/bin/env bash
# What pandas and pyarrow users see in the Parquet files: runs the jar twice on the same H2 data (every
# report type, NULLs, NaN and the infinities, a query without rows, odd names), once with
# monitor.rows-format=json and once with parquet, and checks every file with pyarrow and pandas against
# docs/report-format.md and the JSON run's values (tools/parquet-pyarrow-check/check.py). Exit 1 on a
# mismatch.
#
#   tools/parquet-pyarrow-check.sh                      # build the jar if missing, run, check
#   tools/parquet-pyarrow-check.sh JSON_RUN PARQUET_RUN # check two runs you made (reports or output folders)
#
# Not part of mvn verify or .ci/run: it needs pyarrow and pandas from pip (Debian 12 has no pyarrow).
# VENV (default /tmp/parquet-pyarrow-venv) is made with python3 -m venv and gets PIP_PACKAGES
# (default: pyarrow pandas) from pip as configured on the machine; docs/development.md names the
# versions last checked.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
fixtures=$here/parquet-pyarrow-check
venv=${VENV:-/tmp/parquet-pyarrow-venv}
packages=${PIP_PACKAGES:-pyarrow pandas}

if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c 'import pyarrow, pandas' 2>/dev/null; then
    echo "making $venv with: $packages" >&2
    python3 -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q $packages
fi

if [[ $# -eq 2 ]]; then
    exec "$venv/bin/python" "$fixtures/check.py" "$1" "$2"
elif [[ $# -ne 0 ]]; then
    sed -n '2,16p' "$0" >&2
    exit 2
fi

jar=$repo/target/client-activity-monitor.jar
if [[ ! -f $jar ]]; then
    (cd "$repo" && mvn -B -o -q package -DskipTests)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/parquet-pyarrow-check.XXXXXX")
cat > "$work/databases.yaml" <<EOF
databases:
  - name: h2
    url: "jdbc:h2:mem:pyarrow_h2;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '$fixtures/h2-typed.sql'"
    auth: password
    username: check
    password: check
    sql_queries:
      - name: Typed
        query_location: $fixtures/typed.sql
      - name: Empty
        query_location: $fixtures/empty.sql
      - name: Clients/2026 ü 名前
        query_location: $fixtures/odd.sql
  - name: ora
    url: "jdbc:h2:mem:pyarrow_ora;MODE=Oracle;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '$fixtures/ora-typed.sql'"
    auth: password
    username: check
    password: check
    sql_queries:
      - name: Typed
        query_location: $fixtures/typed.sql
      - name: Empty
        query_location: $fixtures/empty.sql
EOF
for format in json parquet; do
    # the JVM's zone decides nothing here (no TIMESTAMP WITH LOCAL TIME ZONE), UTC keeps it that way
    TZ=UTC java -jar "$jar" --monitor.databases-file="$work/databases.yaml" --monitor.output-dir="$work/$format" \
        --monitor.start-date=2026-10-01 --monitor.rows-format="$format" > "$work/$format.log" 2>&1 \
        || { echo "the $format run failed, see $work/$format.log" >&2; tail -20 "$work/$format.log" >&2; exit 1; }
done
echo "runs in $work" >&2
"$venv/bin/python" "$fixtures/check.py" "$work/json" "$work/parquet"

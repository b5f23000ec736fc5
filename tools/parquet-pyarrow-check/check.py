"""What pyarrow and pandas see in a run's Parquet files, against docs/report-format.md and the JSON run.

    python check.py JSON_RUN PARQUET_RUN

Each argument is a report (<runId>.json) or an output folder with exactly one report. Both runs are of
the same databases.yaml on the same data: one with monitor.rows-format=json (the rows, as the report
writes them), one with parquet. For every completed query of the Parquet run it reads the file with
pyarrow.parquet, with pandas.read_parquet (NumPy dtypes) and with dtype_backend="pyarrow", and checks

- the types: the ones the docs' table gives for the column's report type (columnTypes), and the
  NumPy dtypes the docs say pandas's default gives;
- every value: the same as the JSON row's value, read as the docs say (decimals exact, timestamps cut
  to microseconds, instants in UTC, binary from base64, NaN and the infinities), NULLs kept.

Prints one line per column, then each mismatch; exits 1 if there is one, 0 if none.
"""
import base64
import datetime as dt
import decimal
import json
import math
import pathlib
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3
PANDAS_TEXT = "str" if PANDAS_3 else "object"  # pandas 3's default string dtype; pandas 2: Python str objects


def expected_arrow(column):
    """The pyarrow type the docs' table gives for one entry of columnTypes."""
    kind = column["type"]
    if kind == "decimal":
        p, s = column["precision"], column["scale"]
        return f"decimal128({p}, {s})" if p is not None and s is not None and p <= 38 and s <= p else "string"
    return {"integer": "int64", "double": "double", "text": "string", "other": "string", "boolean": "bool",
            "date": "date32[day]", "timestamp": "timestamp[us]", "timestamptz": "timestamp[us, tz=UTC]",
            "time": "time64[us]", "binary": "binary"}[kind]


def expected_numpy(column, has_null):
    """The dtype pd.read_parquet(f) gives, as the docs say: it depends on the data, not only the file."""
    arrow = expected_arrow(column)
    if arrow == "int64":
        return "float64" if has_null else "int64"
    if arrow == "bool":
        return "object" if has_null else "bool"
    if arrow == "string":
        return PANDAS_TEXT
    return {"double": "float64", "timestamp[us]": "datetime64[us]",
            "timestamp[us, tz=UTC]": "datetime64[us, UTC]"}.get(arrow, "object")


def from_json(value, column, arrow):
    """The JSON report's value as the Python value pyarrow should give for the same cell."""
    if value is None:
        return None
    kind = column["type"]
    if kind == "integer":
        return int(value)
    if kind == "decimal":
        return decimal.Decimal(value)  # a text column is compared as a number too, below
    if kind == "double":
        return float(value)  # 0.1, "NaN", "Infinity", "-Infinity"
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "timestamp":
        return dt.datetime.fromisoformat(cut_to_micros(value))
    if kind == "timestamptz":
        return dt.datetime.fromisoformat(cut_to_micros(value)).astimezone(dt.timezone.utc)
    if kind == "time":
        return dt.time.fromisoformat(cut_to_micros(value))
    if kind == "binary":
        return base64.b64decode(value)
    return value


def cut_to_micros(text):
    """Parquet timestamps are microseconds: '…06.123456789' is '…06.123456' (cut, as the writer does)."""
    if "." not in text:
        return text
    head, tail = text.split(".", 1)
    digits = len(tail) - len(tail.lstrip("0123456789"))
    return head + "." + tail[:min(digits, 6)].ljust(1, "0") + tail[digits:]


def same(got, want, arrow):
    if want is None or got is None:
        return got is None and want is None
    if arrow == "string" and isinstance(want, decimal.Decimal):
        # a decimal too wide for Parquet: its exact digits, plain (no exponent)
        return isinstance(got, str) and "E" not in got.upper() and decimal.Decimal(got) == want
    if isinstance(want, float):
        return isinstance(got, float) and (math.isnan(want) and math.isnan(got) or got == want)
    if isinstance(want, dt.datetime):
        return isinstance(got, dt.datetime) and got == want and (got.tzinfo is None) == (want.tzinfo is None)
    if isinstance(want, decimal.Decimal):
        return isinstance(got, decimal.Decimal) and got == want
    if isinstance(want, bool):
        return got is want or (type(got).__name__ == "bool_" and bool(got) == want)
    return type(got) is type(want) and got == want


def same_numpy(got, want, arrow, dtype):
    """pandas's default: NULL is NaN/NaT/None, an int64 with a NULL is a float64 (rounded past 2**53)."""
    if want is None:
        return got is None or got is pd.NaT or (isinstance(got, float) and math.isnan(got))
    if dtype == "float64" and arrow == "int64":
        return float(got) == float(want)
    if isinstance(got, pd.Timestamp):
        got = got.to_pydatetime()
    if hasattr(got, "item") and not isinstance(got, (bytes, str)):
        got = got.item()  # numpy scalars
    return same(got, want, arrow)


def report_of(path):
    path = pathlib.Path(path)
    if path.is_dir():
        reports = sorted(path.glob("*.json"))
        if len(reports) != 1:
            sys.exit(f"{path}: {len(reports)} reports, want exactly one")
        path = reports[0]
    with open(path) as f:
        return path, json.load(f, parse_float=decimal.Decimal)


def main(json_run, parquet_run):
    _, rows_report = report_of(json_run)
    parquet_path, report = report_of(parquet_run)
    problems, files = [], 0
    print(f"pyarrow {pa.__version__}, pandas {pd.__version__}, numpy {__import__('numpy').__version__}")
    for db, database in report["databases"].items():
        for name, query in database["queries"].items():
            if query["status"] != "completed":
                continue
            files += 1
            where = f"{db} / {name}"
            rows = rows_report["databases"][db]["queries"][name]["rows"]
            file = parquet_path.parent / query["rowsFile"]
            problems += check_file(where, file, query, rows)
    if files == 0:
        problems.append("no completed query: nothing was checked")
    problems += run_recipes(json_run, parquet_run)
    print()
    for problem in problems:
        print("MISMATCH", problem)
    print(f"{files} files checked, {len(problems)} mismatches")
    return 1 if problems else 0


def run_recipes(json_run, parquet_run):
    """The two load_run recipes of docs/report-format.md, as written there, on the two runs."""
    docs = pathlib.Path(__file__).resolve().parents[2] / "docs" / "report-format.md"
    blocks = [b.split("```")[0] for b in docs.read_text().split("```python\n")[1:]]
    problems = []
    for title, run in (("From a Parquet run", parquet_run), ("From a JSON run", json_run)):
        recipe = next((b for b in blocks if "def load_run" in b and ("read_parquet" in b) == ("Parquet" in title)), None)
        if recipe is None:
            problems.append(f"docs/report-format.md: no load_run recipe for '{title}'")
            continue
        try:
            names = {}
            exec(recipe, names)
            frames = names["load_run"](report_of(run)[0])
            print(f"recipe '{title}': {sum(len(q) for q in frames.values())} frames")
        except Exception as e:  # noqa: BLE001 - any failure of the docs' code is the finding
            if not PANDAS_3 and type(e).__name__ == "OutOfBoundsDatetime" and "JSON" in title:
                print(f"recipe '{title}': fails on pandas 2 as the docs say (years outside 1677-2262): {e}"[:160])
                continue
            problems.append(f"docs/report-format.md recipe '{title}' fails: {type(e).__name__}: {e}")
    return problems


def check_file(where, file, query, rows):
    problems = []
    columns, types = query["columns"], query["columnTypes"]
    parquet = pq.ParquetFile(file)
    table = pq.read_table(file)
    numpy = pd.read_parquet(file)
    arrow_frame = pd.read_parquet(file, dtype_backend="pyarrow")
    print(f"\n== {where}  ({file.name}, {table.num_rows} rows; JSON run: {len(rows)} rows)")
    if table.num_rows != len(rows):
        problems.append(f"{where}: {table.num_rows} rows in the file, {len(rows)} in the JSON run")
    if table.column_names != columns or list(numpy.columns) != columns or list(arrow_frame.columns) != columns:
        problems.append(f"{where}: column names {table.column_names}, the report says {columns}")
        return problems
    print(f"   {'column':12} {'type':11} {'parquet':36} {'pyarrow':24} {'pandas default':20} pandas pyarrow")
    for i, (name, column) in enumerate(zip(columns, types)):
        arrow = expected_arrow(column)
        wants = [from_json(row[name], column, arrow) for row in rows]
        has_null = any(w is None for w in wants)
        leaf = parquet.schema.column(i)
        logical = f"{leaf.physical_type} {leaf.logical_type}"
        got_numpy, got_arrow_frame = str(numpy[name].dtype), str(arrow_frame[name].dtype)
        print(f"   {name:12} {column['type']:11} {logical[:36]:36} {str(table.schema.field(i).type):24}"
              f" {got_numpy:20} {got_arrow_frame}")
        checks = [("pyarrow", str(table.schema.field(i).type), arrow),
                  ("pandas default", got_numpy, expected_numpy(column, has_null)),
                  ('pandas dtype_backend="pyarrow"', got_arrow_frame, f"{arrow}[pyarrow]")]
        for reader, got, want in checks:
            if got != want:
                problems.append(f"{where} / {name} ({column['type']}): {reader} gives {got}, the docs say {want}")
        values = table.column(i).to_pylist()
        via_pandas = pa.array(arrow_frame[name]).to_pylist()
        for r, want in enumerate(wants):
            if not same(values[r], want, arrow):
                problems.append(f"{where} / {name} row {r}: pyarrow has {values[r]!r}, the JSON run {want!r}")
            if not same(via_pandas[r], want, arrow):
                problems.append(f"{where} / {name} row {r}: pandas (pyarrow) has {via_pandas[r]!r}, the JSON run {want!r}")
            got = numpy[name].iloc[r]
            if not same_numpy(got, want, arrow, got_numpy):
                problems.append(f"{where} / {name} row {r}: pandas default has {got!r}, the JSON run {want!r}")
            elif got_numpy == "float64" and arrow == "int64" and want is not None and int(got) != want:
                print(f"      row {r}: pandas default rounds {want} to {got!r} (an int64 column with a NULL is float64)")
    return problems


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))

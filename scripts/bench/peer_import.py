#!/usr/bin/env python3
"""A peer importer for the benchmark, and a floor for `ronghe import`: reads a batch CSV (pandas)
or XLSX batch sheet (python-calamine) and stores it in a fresh SQLite database in one transaction,
as Ronghe keeps it: the file's bytes with their SHA-256, then every record with its place in the
file, credit code, name and raw content as JSON. It checks nothing (no answer is parsed, no
record rejected, no enterprise or resubmission tracked), so Ronghe's time above it is the price
of validation and history.

It prints one JSON line: the wall and CPU seconds spent reading and storing, and the number of records.

usage: peer_import.py SURVEYS.csv|SURVEYS.xlsx NEW.sqlite
"""
import hashlib
import io
import json
import sqlite3
import sys
import time

SCHEMA = """
CREATE TABLE file_content (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, bytes BLOB NOT NULL);
CREATE TABLE submission (
    id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES file_content(id), ordinal INTEGER NOT NULL,
    place TEXT NOT NULL, uscc TEXT, name TEXT, raw_json TEXT NOT NULL
);
"""


def read_rows(path, data):
    """The header and the records of a batch file, every cell as text."""
    if path.lower().endswith(".xlsx"):
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
        return [str(c) for c in rows[0]], [[str(c) for c in row] for row in rows[1:]]
    import pandas as pd

    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return list(frame.columns), frame.values.tolist()


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    path, database = sys.argv[1:3]
    started, cpu_started = time.perf_counter(), time.process_time()
    with open(path, "rb") as file:
        data = file.read()
    header, records = read_rows(path, data)
    uscc, name = header.index("统一社会信用代码"), header.index("企业名称")
    connection = sqlite3.connect(database)
    connection.executescript(SCHEMA)
    with connection:
        file_id = connection.execute(
            "INSERT INTO file_content (sha256, size, bytes) VALUES (?, ?, ?)",
            (hashlib.sha256(data).hexdigest(), len(data), data)).lastrowid
        connection.executemany(
            "INSERT INTO submission (file_id, ordinal, place, uscc, name, raw_json) VALUES (?, ?, ?, ?, ?, ?)",
            ((file_id, ordinal, f"{path}:{ordinal + 1}", row[uscc], row[name],
              json.dumps(dict(zip(header, row)), ensure_ascii=False))
             for ordinal, row in enumerate(records, start=1)))
    connection.close()
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started,
                      "records": len(records)}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A peer reader for the benchmark: reads every cell of the first sheet of a workbook into Python
values with openpyxl (read_only=True, the streaming reader) or python-calamine, as Ronghe's
reader must before it checks anything. Nothing is validated: this is the reading alone.

It prints one JSON line: the wall and CPU seconds spent opening and reading, and the number of rows.

usage: peer_read.py openpyxl|calamine BOOK.xlsx
"""
import json
import sys
import time


def read_openpyxl(path):
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [row for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return rows


def read_calamine(path):
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()


READERS = {"openpyxl": read_openpyxl, "calamine": read_calamine}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in READERS:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    started, cpu_started = time.perf_counter(), time.process_time()
    rows = READERS[sys.argv[1]](sys.argv[2])
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started,
                      "rows": len(rows)}))


if __name__ == "__main__":
    main()

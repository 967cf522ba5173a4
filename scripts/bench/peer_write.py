#!/usr/bin/env python3
"""A peer writer for the benchmark: writes a ranking table (see ranking_table.py) as a one-sheet
workbook with XlsxWriter or openpyxl, numbers in their column's number format.

Streaming follows Ronghe: with --constant-memory (which the benchmark passes where Ronghe streams
its workbook), XlsxWriter uses constant_memory and openpyxl its write-only mode; otherwise both
keep the workbook in memory. It prints one JSON line: the wall and CPU seconds spent writing
(loading the table file before is not counted) and the number of rows.

usage: peer_write.py xlsxwriter|openpyxl TABLE.tsv OUT.xlsx [--constant-memory]
"""
import json
import sys
import time

import ranking_table

SHEET = "排名"


def write_xlsxwriter(formats, rows, out_path, constant_memory):
    import xlsxwriter

    book = xlsxwriter.Workbook(out_path, {"constant_memory": constant_memory})
    sheet = book.add_worksheet(SHEET)
    styles = [book.add_format({"num_format": f}) if f else None for f in formats]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, value, styles[c])
    book.close()


def write_openpyxl(formats, rows, out_path, write_only):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=write_only)
    if write_only:
        sheet = book.create_sheet(SHEET)
        for row in rows:
            cells = []
            for c, value in enumerate(row):
                cell = WriteOnlyCell(sheet, value=value)
                if formats[c] and isinstance(value, float):
                    cell.number_format = formats[c]
                cells.append(cell)
            sheet.append(cells)
    else:
        sheet = book.active
        sheet.title = SHEET
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                cell = sheet.cell(row=r, column=c + 1, value=value)
                if formats[c] and isinstance(value, float):
                    cell.number_format = formats[c]
    book.save(out_path)


WRITERS = {"xlsxwriter": write_xlsxwriter, "openpyxl": write_openpyxl}


def main():
    arguments = [a for a in sys.argv[1:] if a != "--constant-memory"]
    if len(arguments) != 3 or arguments[0] not in WRITERS:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    library, table_path, out_path = arguments
    formats, rows = ranking_table.read(table_path)
    started, cpu_started = time.perf_counter(), time.process_time()
    WRITERS[library](formats, rows, out_path, "--constant-memory" in sys.argv)
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started,
                      "rows": len(rows)}))


if __name__ == "__main__":
    main()

"""Fills a Ronghe survey form (the English one) with openpyxl, the way a script or another
system would: typed values (numbers, booleans, a percentage-formatted number, an error value),
no spreadsheet program involved. Needs openpyxl (tested with 3.1.5):

    python3 fill_with_openpyxl.py TEMPLATE-en.xlsx OUT.xlsx

The answers are in ANSWERS below; the tests repeat them by hand.
"""
import sys

import openpyxl

# (key or key:option, cell, value, number format or None)
ANSWERS = [
    ("uscc", "E5", "91411402MA9GTH5Q37", None),
    ("name", "E6", "Shangqiu Ronghe Food Co., Ltd.", None),
    ("district", "E7", "411402", None),
    ("industry", "E8", "C13", None),
    ("size", "E9", "Small", None),
    ("employees", "E10", 85, None),
    ("revenue", "E11", 4200, None),
    ("year", "E12", 2025, None),
    ("A1.1", "E14", "Head of the IT department", None),
    ("A1.2", "E15", "A department head", None),
    ("A1.3:association", "E17", False, None),
    ("A1.3:training", "E18", True, None),
    ("A2.1", "E19", "Part of the company's overall plan", None),
    ("A2.2", "E20", 2, None),
    ("A2.3", "E21", 0.4, "0%"),
    ("B1.1", "E23", 45.8, None),
    ("B1.2", "E24", -5, None),
    ("B2.1", "E25", 60, None),
    ("B2.2", "E26", 25, None),
    ("B2.3", "E27", "None", None),
    ("C1.1:finance", "E30", "Yes", None),
    ("C1.1:purchasing", "E31", "yes ", None),
    ("C1.1:inventory", "E32", "✓", None),
    ("C1.1:sales", "E33", "No", None),
    # C1.1 planning and hr left blank.
    ("C1.2a", "E36", 10, None),
    ("C1.2b", "E37", 25, None),
    ("C1.3", "E38", "Finance system only", None),
    ("C2.1", "E39", "2D CAD", None),
    ("C2.2", "E40", 20, None),
    ("D1.1", "E42", 0, None),
    ("D1.2", "E43", "None", None),
    ("D2.1", "E44", 0, None),
    ("D2.2", "E45", "Some business on the cloud", None),
    ("E1.1", "E47", 120.5, None),
    # E1.2 (online sales channels) left blank: every option cell empty.
    ("E2.1a", "E52", 300, None),
    ("E2.1b", "E53", 2600, None),
    ("E2.2", "E54", "No", None),
    ("F0", "E56", "Yes", None),
    ("F1.1", "E57", 50, None),
    ("F1.2", "E58", "Yes", None),
    ("F1.3", "E59", "None", None),
    ("F2.1", "E60", 1.2, None),
    ("F2.2", "E61", "No", None),
    ("G1.1", "E63", 5, None),
    ("G1.2", "E64", "#N/A", None),  # openpyxl stores this string as an error cell (t="e")
    ("G2.1", "E65", 10, None),
    ("G2.2", "E66", "None", None),
    ("V1", "E68", "No", None),
    ("V2", "E69", "No", None),
    ("V3", "E70", "No", None),
    ("P1", "E71", 35, None),
    ("P2", "E72", 12, None),
    # X1 (optional text) left blank.
]


def marker_cells(book):
    """key (or key:option) -> answer cell, from the form's hidden _ronghe sheet."""
    rows = list(book["_ronghe"].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == "key") + 1
    cells = {}
    for key, kind, option, cell, *_ in rows[start:]:
        if key:
            cells[key + (":" + option if kind == "option" else "")] = cell
    return cells


def main(template, out):
    book = openpyxl.load_workbook(template)
    cells = marker_cells(book)
    survey = book["Survey"]
    for key, cell, value, number_format in ANSWERS:
        if cells[key] != cell:
            raise SystemExit(f"{key}: the form puts it in {cells[key]}, not {cell}")
        survey[cell] = value
        if number_format:
            survey[cell].number_format = number_format
    book.save(out)
    print(f"saved {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

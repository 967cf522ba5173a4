"""The 排名 Ranking sheet of a Ronghe workbook as a plain table, so the writing peers write the same
content: every row (title, subtitle, header, one row per enterprise) with its cell types, and each
column's number format.

The table travels in a small tab-separated file that the Python writers and the C floor both read:

    line 1     the number format of each column ("" for General), tab-separated
    then       one line per row; each cell is "" (empty), "s" + text or "n" + a number;
               backslash, tab, newline and carriage return in text are escaped as \\\\ \\t \\n \\r

Numbers carry their column's format; text carries none, as in Ronghe's workbook (the rank column
holds "—" as text for unranked enterprises).

usage: ranking_table.py WORKBOOK.xlsx OUT.tsv    extract the Ranking sheet (the second sheet)
"""
import sys

ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
RANKING_SHEET = 1  # 总览 Summary, then 排名 Ranking
HEADER_ROW = 2     # zero-based: a title, a subtitle, then the header


def escape(text):
    return "".join(ESCAPES.get(ch, ch) for ch in text)


def unescape(text):
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for ch in chars:
        out.append(UNESCAPES[next(chars)] if ch == "\\" else ch)
    return "".join(out)


def encode(value):
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return "s" + escape(value)
    return "n" + repr(float(value))


def decode(cell):
    """A cell of the file as None, str or float."""
    if cell == "":
        return None
    return unescape(cell[1:]) if cell[0] == "s" else float(cell[1:])


def read(path):
    """(formats, rows) from a table file: a format per column, then rows of None, str or float."""
    with open(path, encoding="utf-8", newline="\n") as table:
        formats = table.readline().rstrip("\n").split("\t")
        rows = [[decode(cell) for cell in line.rstrip("\n").split("\t")] for line in table]
    return formats, rows


def extract(workbook_path, out_path):
    """Writes the Ranking sheet of a Ronghe workbook as a table file; returns the number of rows.

    Values come from python-calamine (fast at 100,000 rows); number formats from openpyxl, which
    reads the first data row only, since every row of a column has the same format.
    """
    import openpyxl
    from python_calamine import CalamineWorkbook

    book = openpyxl.load_workbook(workbook_path, read_only=True)
    sheet = book[book.sheetnames[RANKING_SHEET]]
    first_data = next(sheet.iter_rows(min_row=HEADER_ROW + 2, max_row=HEADER_ROW + 2))
    formats = ["" if cell.number_format == "General" else cell.number_format for cell in first_data]
    book.close()

    rows = CalamineWorkbook.from_path(workbook_path).get_sheet_by_index(RANKING_SHEET).to_python(skip_empty_area=False)
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(formats) + "\n")
        for row in rows:
            out.write("\t".join(encode(value) for value in row) + "\n")
    return len(rows)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    print(extract(sys.argv[1], sys.argv[2]))

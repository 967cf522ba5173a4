"""Regenerates the committed fixture workbooks. Needs openpyxl, msoffcrypto-tool and LibreOffice
(soffice); the tests themselves need none of them.

    python3 make_fixtures.py            # writes *.xlsx / *.xls next to this script
"""
import datetime
import io
import os
import shutil
import subprocess
import tempfile

import msoffcrypto
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def survey(path, epoch=None):
    wb = Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "问卷"
    ws.append(["企业名称", "得分", "上云", "填报日期", "提交时间", None, "错误", "备注"])
    ws.append([
        "杭州融合科技有限公司", 87.5, True,
        datetime.date(2024, 5, 31), datetime.datetime(2024, 5, 31, 13, 30, 5),
        None, "#N/A",
        CellRichText(["两化", TextBlock(InlineFont(b=True), "融合"), "评估"]),
    ])
    ws.append([42, False, "  padded  ", "=B2*2"])
    # Row 4 left empty on purpose; row 5 has a custom Chinese date format.
    ws["A5"] = datetime.date(2023, 1, 15)
    ws["A5"].number_format = 'yyyy"年"m"月"d"日"'
    ws["B5"] = 0.25
    ws["B5"].number_format = "0.00%"
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "hidden sheet"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("VeryHidden")
    very["A1"] = 1
    very.sheet_state = "veryHidden"
    wb.save(path)


def libreoffice(source, target_ext, out_dir, filter_name):
    work = tempfile.mkdtemp()
    try:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", f"{target_ext}:{filter_name}", "--outdir", work, source],
            check=True, capture_output=True)
        produced = os.path.join(work, os.path.splitext(os.path.basename(source))[0] + "." + target_ext)
        return produced, work
    except Exception:
        shutil.rmtree(work)
        raise


def main():
    survey(os.path.join(HERE, "openpyxl-survey.xlsx"))
    survey(os.path.join(HERE, "openpyxl-1904.xlsx"), epoch=CALENDAR_MAC_1904)

    tmp = tempfile.mkdtemp()
    try:
        # LibreOffice re-saves the openpyxl workbooks: its own writer, formulas recalculated.
        for name in ["survey", "1904"]:
            source = os.path.join(tmp, f"libreoffice-{name}.xlsx")
            shutil.copy(os.path.join(HERE, f"openpyxl-{name}.xlsx"), source)
            produced, work = libreoffice(source, "xlsx", tmp, "Calc MS Excel 2007 XML")
            shutil.move(produced, os.path.join(HERE, f"libreoffice-{name}.xlsx"))
            shutil.rmtree(work)
        source = os.path.join(tmp, "legacy.xlsx")
        shutil.copy(os.path.join(HERE, "openpyxl-survey.xlsx"), source)
        produced, work = libreoffice(source, "xls", tmp, "MS Excel 97")
        shutil.move(produced, os.path.join(HERE, "libreoffice-legacy.xls"))
        shutil.rmtree(work)
    finally:
        shutil.rmtree(tmp)

    with open(os.path.join(HERE, "openpyxl-survey.xlsx"), "rb") as plain:
        office = msoffcrypto.OfficeFile(plain)
        encrypted = io.BytesIO()
        office.encrypt("ronghe", encrypted)
    with open(os.path.join(HERE, "password-protected.xlsx"), "wb") as out:
        out.write(encrypted.getvalue())


if __name__ == "__main__":
    main()

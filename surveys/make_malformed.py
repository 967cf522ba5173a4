"""Writes the files in surveys/malformed/: survey files that are wrong in one way each (and, in
tricky/, files that look wrong but must be accepted). Run from the repository's top level:

    python3 surveys/make_malformed.py

Needs only Python's standard library. Two files are copies of test fixtures made with real
programs (LibreOffice's .xls, msoffcrypto's password-protected workbook). The expected message
of every file is in surveys/malformed/expected.json, checked by MalformedSamplesTests.
"""
import json
import os
import shutil
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "malformed")
FIXTURES = os.path.join(HERE, "..", "Tests", "RongheKitTests", "Fixtures", "xlsx")

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(body):
    """A credit code from its first 17 characters (GB 32100-2015 check character)."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


# Enterprises used by the files: (credit code, name, district, industry, size, employees, revenue).
FIRMS = {
    "huaxing": (uscc("91371402MA3F2K7L1"), "德州华兴机械有限公司", "371402", "C34", "中型", 460, 21800),
    "ruifeng": (uscc("91371427MA3G8N2P4"), "夏津县瑞丰棉纺有限公司", "371427", "C17", "小型", 130, 5600),
    "hengyuan": (uscc("91371424MA3H5Q9R2"), "临邑县恒源化工有限公司", "371424", "C26", "中型", 380, 32000),
    "jinfeng": (uscc("91371422MA3J7T4U6"), "宁津县金丰家具有限公司", "371422", "C21", "小型", 85, 2400),
    "tongda": (uscc("91371482MA3K1W8X3"), "禹城市通达糖业有限公司", "371482", "C14", "中型", 520, 26500),
    "xinrong": (uscc("91371481MA3L6Y2A9"), "乐陵欣荣健身器材有限公司", "371481", "C24", "小型", 150, 7300),
    "dexin": (uscc("91371425MA3M4B7C5"), "齐河县德信物流有限公司", "371425", "G59", "小型", 60, 3100),
    "boyuan": (uscc("91371402MA3N9D3E8"), "德州博远软件有限公司", "371402", "I65", "微型", 16, 240),
}

PROFILE_HEADER = ["统一社会信用代码", "企业名称", "所属区县", "所属行业", "企业规模", "从业人员", "营业收入", "填报年度"]
REQUIRED_HEADER = [
    "F0 是否为重点用能单位", "V1 近三年是否发生重大及以上生产安全事故", "V2 近三年是否发生Ⅰ级或Ⅱ级环境污染事件",
    "V3 是否被列入严重失信主体名单", "P1 上年度利润总额（万元）", "P2 前年度利润总额（万元）",
]
REQUIRED_VALUES = ["否", "否", "否", "否", "320", "280"]


def quote(field):
    field = str(field)
    if any(c in field for c in ',"\r\n') or field != field.strip():
        return '"' + field.replace('"', '""') + '"'
    return field


def csv_text(rows):
    return "".join(",".join(quote(f) for f in row) + "\r\n" for row in rows)


def write(name, data):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def write_csv(name, rows, encoding="utf-8-sig"):
    write(name, csv_text(rows).encode(encoding))


def profile(key, **changes):
    code, name, district, industry, size, employees, revenue = FIRMS[key]
    values = dict(uscc=code, name=name, district=district, industry=industry, size=size,
                  employees=employees, revenue=revenue, year=2026)
    values.update(changes)
    return [values[k] for k in ["uscc", "name", "district", "industry", "size", "employees", "revenue", "year"]]


def batch(name, extra_header, rows, encoding="utf-8-sig"):
    """A batch CSV: profile columns, the required questions, then `extra_header`."""
    lines = [PROFILE_HEADER + REQUIRED_HEADER + extra_header]
    for firm, required, extra in rows:
        lines.append(firm + (required or REQUIRED_VALUES) + extra)
    write_csv(name, lines, encoding)


def survey(key, answers, **profile_changes):
    code, name, district, industry, size, employees, revenue = FIRMS[key]
    enterprise = dict(uscc=code, name=name, district=district, industry=industry,
                      size={"大型": "large", "中型": "medium", "小型": "small", "微型": "micro"}[size],
                      employees=employees, revenue=revenue, year=2026)
    enterprise.update(profile_changes)
    base = {"F0": "否", "V1": "否", "V2": "否", "V3": "否", "P1": 320, "P2": 280}
    base.update(answers)
    return {"format": "ronghe-survey/1", "enterprise": enterprise, "answers": {k: v for k, v in base.items() if v is not ...}}


def write_json(name, value, text=None):
    write(name, (text if text is not None else json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


# A minimal workbook: inline strings, no styles, one sheet named 企业填报数据.
def cell_xml(ref, value):
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, tuple):  # ("raw", xml) for hand-made cells
        return value[1].replace("REF", ref)
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(name, rows, sheet="企业填报数据"):
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell_xml(f"{column(c)}{r}", v) for c, v in enumerate(row) if v is not None)
        body.append(f'<row r="{r}">{cells}</row>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(body) + "</sheetData></worksheet>",
    }
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in files.items():
            info = zipfile.ZipInfo(part, date_time=(2026, 3, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))


def main():
    if os.path.isdir(OUT):
        for entry in os.listdir(OUT):
            if entry != "expected.json":
                target = os.path.join(OUT, entry)
                shutil.rmtree(target) if os.path.isdir(target) else os.remove(target)

    # --- The credit code -------------------------------------------------------------------
    wrong = survey("huaxing", {"B1.1": 420})
    wrong["enterprise"]["uscc"] = wrong["enterprise"]["uscc"][:17] + ("A" if wrong["enterprise"]["uscc"][17] != "A" else "B")
    write_json("uscc-wrong-check-character.json", wrong)

    # Typed into a cell formatted as a number: Excel keeps 15 significant digits.
    header = PROFILE_HEADER + REQUIRED_HEADER
    write_xlsx("uscc-stored-as-number.xlsx", [
        header,
        [913714007262271000] + profile("ruifeng")[1:5] + [130, 5600, 2026] + REQUIRED_VALUES[:4] + [320, 280],
    ])
    # The same cell saved by Excel as CSV: the number in scientific notation.
    batch("uscc-scientific-notation.csv", [], [(["9.13714E+17"] + profile("ruifeng")[1:], None, [])])
    # O and I are never used in credit codes; people type them for 0 and 1.
    batch("uscc-letter-o.csv", [], [([FIRMS["hengyuan"][0][:10] + "O" + FIRMS["hengyuan"][0][11:]] + profile("hengyuan")[1:], None, [])])

    # --- Profile codes ---------------------------------------------------------------------
    batch("district-invalid.csv", [], [
        (profile("huaxing", district="德城区"), None, []),
        (profile("ruifeng", district="991427"), None, []),
        (profile("hengyuan", district="370000"), None, []),
    ])
    batch("industry-invalid.csv", [], [
        (profile("huaxing", industry="制造业"), None, []),
        (profile("ruifeng", industry="C44"), None, []),
        (profile("hengyuan", industry="X99"), None, []),
    ])
    batch("missing-profile-fields.csv", [], [
        (profile("jinfeng", name="", size="", employees="", year=""), None, []),
    ])
    write_json("year-out-of-range.json", survey("tongda", {}, year=2031))

    # --- Answers ---------------------------------------------------------------------------
    write_json("percent-out-of-bounds.json", survey("tongda", {"A2.3": 120, "B2.2": "150%"}))
    batch("negative-amount.csv", ["B1.1 本年度信息化投入（万元）", "E2.1b 采购总额（万元）"], [
        (profile("jinfeng"), None, ["-50", "-1200"]),
    ])
    write_json("unknown-option.json", survey("xinrong", {"A1.1": "CTO", "D2.2": "全部上云"}))
    batch("not-applicable-where-not-allowed.csv", ["A1.1 首席信息官（CIO）的职级", "C2.2 关键工序数控化率（%）"], [
        (profile("dexin"), ["否", "不适用", "否", "否", "120", "95"], ["不适用", "不适用"]),
    ])
    write_json("missing-veto-answer.json", survey("xinrong", {"V2": ..., "P2": None, "B1.1": 60}))
    batch("duplicate-enterprise.csv", ["B1.1 本年度信息化投入（万元）"], [
        (profile("huaxing"), None, ["420"]),
        (profile("ruifeng"), None, ["35"]),
        (profile("huaxing", name="德州华兴机械有限公司（更正）"), None, ["460"]),
    ])
    batch("wrong-value-types.csv", ["A2.2 信息化专职人员数（人）", "C1.1 已应用的ERP模块（可多选）", "B2.1 计算机终端数（台）"], [
        (profile("xinrong"), ["也许", "否", "否", "否", "一百", "280"], ["3.5", "无、财务", "35%"]),
    ])
    batch("nan-and-infinity.csv", ["B1.1 本年度信息化投入（万元）", "B2.1 计算机终端数（台）", "G1.1 全员劳动生产率增长率（%）"], [
        (profile("tongda"), None, ["NaN", "Infinity", "-inf"]),
    ])
    batch("huge-number.csv", ["B1.1 本年度信息化投入（万元）", "E1.1 网上销售额（万元）"], [
        (profile("hengyuan"), None, ["1e400", "99999999999999999999"]),
    ])
    write_json("text-too-long.json", survey("boyuan", {"X1": "通过信息化建设实现了管理提升。" * 150}))

    # --- The file as a whole -----------------------------------------------------------------
    write_csv("unterminated-quote.csv", [PROFILE_HEADER + REQUIRED_HEADER] + [profile("huaxing") + REQUIRED_VALUES])
    with open(os.path.join(OUT, "unterminated-quote.csv"), "ab") as handle:
        handle.write(csv_text([profile("ruifeng")[:1]]).encode("utf-8")[:-2] + ',"夏津县瑞丰棉纺有限公司,371427,C17\r\n'.encode("utf-8"))
    text = csv_text([PROFILE_HEADER + REQUIRED_HEADER, profile("jinfeng") + REQUIRED_VALUES]).encode("utf-8")
    write("invalid-bytes.csv", text.replace("宁津县金丰家具有限公司".encode("utf-8"), b"\xff\xfe\xff" + "金丰家具".encode("utf-8")))
    write_csv("no-header.csv", [profile("huaxing") + REQUIRED_VALUES, profile("ruifeng") + REQUIRED_VALUES])
    write("empty.csv", b"")
    write("empty.json", b"")
    write("empty.xlsx", b"")
    good = json.dumps(survey("dexin", {"B1.1": 30}), ensure_ascii=False, indent=2)
    write_json("json-syntax-error.json", None, good.replace('"B1.1": 30,', '"B1.1": 30\n    "B1.2": 5,', 1).replace('"F0": "否",', '"F0": "否"', 1) + "\n")
    unknown = survey("dexin", {"B1.1": 30})
    unknown["remarks"] = "请审核"
    write_json("json-unknown-key.json", unknown)
    write_json("json-number-for-options.json", survey("jinfeng", {"C1.1": [1, 3], "A1.1": 2}))
    write_json("json-array-with-a-number.json", [survey("huaxing", {}), 42])
    write("csv-renamed.xlsx", csv_text([PROFILE_HEADER + REQUIRED_HEADER, profile("huaxing") + REQUIRED_VALUES]).encode("utf-8-sig"))
    write("html-saved-as.xls", ("<html><head><meta charset=\"utf-8\"></head><body><table>"
        "<tr><td>统一社会信用代码</td><td>企业名称</td></tr>"
        f"<tr><td>{FIRMS['huaxing'][0]}</td><td>{FIRMS['huaxing'][1]}</td></tr></table></body></html>\n").encode("utf-8"))
    shutil.copy(os.path.join(FIXTURES, "libreoffice-legacy.xls"), os.path.join(OUT, "legacy-excel-97.xls"))
    shutil.copy(os.path.join(FIXTURES, "password-protected.xlsx"), os.path.join(OUT, "password-protected.xlsx"))
    # An OLE2 signature and header, then nothing: a truncated .xls.
    header = bytearray(512)
    header[0:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    header[0x1A:0x1C] = (0x3E).to_bytes(2, "little")
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little")
    header[0x1E:0x20] = (9).to_bytes(2, "little")
    header[0x20:0x22] = (6).to_bytes(2, "little")
    write("ole2-header-only.xls", bytes(header))
    with zipfile.ZipFile(os.path.join(OUT, "zip-not-a-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("申报材料/说明.txt", date_time=(2026, 3, 1, 9, 0, 0)), "请见附件".encode("utf-8"))
        archive.writestr(zipfile.ZipInfo("申报材料/数据.csv", date_time=(2026, 3, 1, 9, 0, 0)),
                         csv_text([PROFILE_HEADER, profile("huaxing")]).encode("utf-8"))
    # A 10 MB text cell; deflated, the file stays small.
    write_xlsx("huge-text-cell.xlsx", [
        PROFILE_HEADER + REQUIRED_HEADER + ["X1 信息化建设主要成效（简述）"],
        profile("tongda") + REQUIRED_VALUES + ["成效显著" * 2_621_440],
    ])

    # --- Tricky but valid ----------------------------------------------------------------------
    batch("tricky/formula-in-name.csv", [], [
        (profile("boyuan", name='=HYPERLINK("http://example.com/subsidy","点击领取补贴")'), None, []),
    ])
    batch("tricky/full-width-digits.csv", ["A2.3 接受数字化技能培训的员工比例（%）", "B1.1 本年度信息化投入（万元）", "B2.1 计算机终端数（台）"], [
        (profile("xinrong", employees="１５０", revenue="７，３００"), ["否", "否", "否", "否", "３２０", "－４５"], ["３５％", "１，２３４．５", "１２０台"]),
    ])
    write_json("tricky/size-contradiction.json", survey("ruifeng", {"B1.1": 80}, size="medium"))
    write_json("tricky/answer-that-does-not-apply.json", survey("hengyuan", {"F0": "否", "F1.2": "是"}))
    batch("tricky/extra-columns.csv", ["联系人", "联系电话"], [(profile("dexin"), None, ["张明", "0534-2651234"])])
    lines = [PROFILE_HEADER + REQUIRED_HEADER, profile("jinfeng") + REQUIRED_VALUES]
    write("tricky/semicolon-separated.csv", "".join(";".join(quote(f) for f in row) + "\r\n" for row in lines).encode("utf-8-sig"))
    # A number cell holding NaN, as some exporting programs write it.
    write_xlsx("nan-in-number-cell.xlsx", [
        PROFILE_HEADER + REQUIRED_HEADER + ["B1.1 本年度信息化投入（万元）"],
        profile("dexin") + REQUIRED_VALUES + [("raw", '<c r="REF"><v>NaN</v></c>')],
    ])
    write_xlsx("tricky/spreadsheet-types.xlsx", [
        ["德州市2026年两化融合评估申报汇总表"],
        PROFILE_HEADER + REQUIRED_HEADER + ["E2.2 是否采用电子招标或供应商门户"],
        [FIRMS["tongda"][0], FIRMS["tongda"][1], 371482, "C14", "中型", 520, 26500.5, 2026, False, False, False, False, 1250, 990, True],
    ])


if __name__ == "__main__":
    main()

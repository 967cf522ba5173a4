"""Writes the files in surveys/malformed/: survey files that are wrong in one way each (and, in
tricky/, files that look wrong but must be accepted). Run from the repository's top level:

    python3 surveys/make_malformed.py

Needs only Python's standard library. Two files are copies of test fixtures made with real
programs (LibreOffice's .xls, msoffcrypto's password-protected workbook). The expected message
of every file is in surveys/malformed/expected.json, checked by MalformedSamplesTests.
"""
import hashlib
import json
import os
import shutil
import struct
import zipfile
import zlib

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


def sheet_xml(rows):
    """A worksheet part holding `rows`, cells as `cell_xml` writes them."""
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell_xml(f"{column(c)}{r}", v) for c, v in enumerate(row) if v is not None)
        body.append(f'<row r="{r}">{cells}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(body) + "</sheetData></worksheet>")


def xlsx_parts(rows, sheet="企业填报数据", sheet_target="worksheets/sheet1.xml", shared_strings=None):
    """The parts of a minimal workbook, in zip order: inline strings, no styles, one sheet; with
    `shared_strings`, a shared-string part too. Values are str (XML text) or bytes."""
    overrides = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' \
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    relationships = f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{sheet_target}"/>'
    if shared_strings is not None:
        relationships += '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + overrides + '</Types>',
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
            + relationships + '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml(rows),
    }
    if shared_strings is not None:
        items = "".join(f"<si><t>{text}</t></si>" for text in shared_strings)
        files["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared_strings)}" '
            f'uniqueCount="{len(shared_strings)}">{items}</sst>')
    return files


def write_xlsx(name, rows, sheet="企业填报数据"):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in xlsx_parts(rows, sheet).items():
            info = zipfile.ZipInfo(part, date_time=(2026, 3, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))


def zip_bytes(entries):
    """A zip file built by hand, so that it can be wrong in ways `zipfile` will not write.

    Each entry is a dict: `name`; `data` (str or bytes); optionally `method` (8 deflated, 0
    stored, or any other number, the data then stored as it is), `declared_size` (the
    uncompressed size the headers claim), `crc` and `flags` (bit 0: encrypted)."""
    local, central = bytearray(), bytearray()
    dos_time, dos_date = 9 << 11, ((2026 - 1980) << 9) | (3 << 5) | 1
    for entry in entries:
        name = entry["name"].encode("utf-8")
        data = entry.get("data", b"")
        data = data.encode("utf-8") if isinstance(data, str) else data
        method = entry.get("method", 8)
        if method == 8:
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            payload = compressor.compress(data) + compressor.flush()
        else:
            payload = data
        crc = entry.get("crc", zlib.crc32(data))
        size = entry.get("declared_size", len(data))
        flags = entry.get("flags", 0) | 0x800  # names in UTF-8
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, dos_time, dos_date, crc, len(payload),
                             size, len(name), 0) + name + payload
        attributes = 0x10 if name.endswith(b"/") else 0  # MS-DOS directory attribute
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, dos_time, dos_date, crc,
                               len(payload), size, len(name), 0, 0, 0, 0, attributes, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(local), 0)
    return bytes(local + central + end)


def workbook(rows=None, replace=None, add=(), **options):
    """The bytes of a workbook as `zip_bytes` writes it: `xlsx_parts(rows)` with parts replaced
    (a dict of name to data, or to an entry dict) and entries added."""
    entries = []
    for name, data in xlsx_parts(rows if rows is not None else GOOD_ROWS, **options).items():
        change = (replace or {}).get(name, data)
        entries.append(dict(change, name=name) if isinstance(change, dict) else dict(name=name, data=change))
    return zip_bytes(entries + list(add))


def garbage(size, label):
    """`size` bytes that look random, the same on every machine and Python version."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


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

    global GOOD_ROWS
    GOOD_ROWS = [PROFILE_HEADER + REQUIRED_HEADER, profile("dexin") + REQUIRED_VALUES]
    json_files()
    csv_files()
    workbook_files()


# A batch workbook with one good enterprise: the base the damaged packages are made from.
GOOD_ROWS = None  # set in main(), once the firms' rows can be built


def json_files():
    """JSON surveys wrong as files: cut off, in another encoding, badly nested, or out of range."""
    good = json.dumps(survey("huaxing", {"B1.1": 420, "A2.3": 35}), ensure_ascii=False, indent=2) + "\n"
    # An upload that broke off: the file ends inside the answers.
    write("json-truncated.json", good.encode("utf-8")[: good.encode("utf-8").index('"V2"'.encode("utf-8"))])
    # Notepad's "Unicode": UTF-16 little-endian with a byte order mark.
    write("json-utf16.json", b"\xff\xfe" + good.encode("utf-16-le"))
    # A name with bytes that are not UTF-8 (GBK pasted into a UTF-8 file).
    write("json-invalid-utf8.json", good.encode("utf-8").replace("德州华兴机械有限公司".encode("utf-8"),
                                                                  "德州华兴".encode("utf-8") + "机械有限公司".encode("gbk")))
    # A \\u escape of half a surrogate pair: no character at all.
    write("json-lone-surrogate.json", good.replace("德州华兴机械有限公司", "德州华兴\\ud800机械有限公司").encode("utf-8"))
    # NaN as some JSON writers (Python's, JavaScript's String()) emit it.
    write("json-nan.json", good.replace('"B1.1": 420', '"B1.1": NaN').encode("utf-8"))
    # Numbers beyond any double, and absurdly long.
    write("json-huge-numbers.json", good.replace('"B1.1": 420', '"B1.1": ' + "9" * 400).replace(
        '"A2.3": 35', '"A2.3": 35, "E1.1": 1e400').encode("utf-8"))
    write_json("json-negative-percentage.json", survey("tongda", {"A2.3": -5, "B2.2": "-10%", "G1.1": -250}))
    write("json-duplicate-key.json", good.replace('"B1.1": 420', '"B1.1": 420,\n    "B1.1": 42').encode("utf-8"))
    first = survey("jinfeng", {"B1.1": 30})
    second = survey("jinfeng", {"B1.1": 35}, name="宁津县金丰家具有限公司（更正）")
    write_json("json-duplicate-enterprise.json", [first, second])
    write("json-empty-array.json", b"[]\n")
    write("json-null.json", b"null\n")
    # Two surveys one after the other, as a program writing "JSON lines" does.
    one = json.dumps(survey("dexin", {"B1.1": 30}), ensure_ascii=False)
    two = json.dumps(survey("boyuan", {"B1.1": 12}), ensure_ascii=False)
    write("json-two-documents.json", (one + "\n" + two + "\n").encode("utf-8"))
    # Ten thousand nested arrays: a parser that recurses without a bound runs out of stack.
    write("json-deeply-nested.json", ('{"format": "ronghe-survey/1", "answers": {"X1": ' + "[" * 10_000 + "]" * 10_000
                                      + "}}\n").encode("utf-8"))
    write("binary-garbage.json", garbage(2048, "binary-garbage.json"))


def csv_files():
    """Batch CSV files wrong as files: cut off, binary, in an unexpected encoding or shape."""
    rows = [PROFILE_HEADER + REQUIRED_HEADER + ["B1.1 本年度信息化投入（万元）"],
            profile("huaxing") + REQUIRED_VALUES + ["420"], profile("ruifeng") + REQUIRED_VALUES + ["35"]]
    text = csv_text(rows).encode("utf-8-sig")
    # Cut in the middle of line 3, inside its profit last year: an upload that broke off.
    cut = text.rindex(b",320,") + 2
    write("csv-truncated-mid-record.csv", text[:cut])
    # Cut in the middle of a character of the name on line 3.
    cut = text.index("瑞丰".encode("utf-8")) + 1
    write("csv-truncated-mid-character.csv", text[:cut])
    # A NUL byte inside the name on line 2, as a damaged disk or a bad export leaves.
    write("csv-nul-byte.csv", text.replace("德州华兴机械".encode("utf-8"), "德州华兴".encode("utf-8") + b"\x00" + "机械".encode("utf-8")))
    write("binary-garbage.csv", garbage(4096, "binary-garbage.csv"))
    # A workbook saved under a .csv name.
    write("xlsx-renamed.csv", workbook())
    write_csv("csv-header-only.csv", [PROFILE_HEADER + REQUIRED_HEADER])
    batch("csv-formula-in-number-field.csv", ["B1.1 本年度信息化投入（万元）", "B2.1 计算机终端数（台）"], [
        (profile("tongda"), None, ["=SUM(A1:A3)", "@SUM(1,2)"]),
    ])
    batch("csv-negative-percentage.csv", ["A2.3 接受数字化技能培训的员工比例（%）", "B2.2 关键设备联网率（%）"], [
        (profile("xinrong"), None, ["-5%", "-0.5"]),
    ])
    batch("csv-wrong-check-character.csv", [], [
        ([FIRMS["dexin"][0][:17] + ("0" if FIRMS["dexin"][0][17] != "0" else "1")] + profile("dexin")[1:], None, []),
    ])
    # 16,385 columns: one more than a spreadsheet has.
    write("csv-too-many-columns.csv", ("统一社会信用代码,企业名称" + "," * 16_383 + "\r\n").encode("utf-8"))

    # Tricky but valid: names that look like formulas stay text.
    batch("tricky/formula-like-text.csv", [], [
        (profile("huaxing", name="=cmd|' /C calc'!A0"), None, []),
        (profile("ruifeng", name="+1 夏津县瑞丰棉纺有限公司"), None, []),
        (profile("hengyuan", name="-1 临邑县恒源化工有限公司"), None, []),
        (profile("jinfeng", name="@SUM(1+1)*cmd|' /C calc'!A0"), None, []),
    ])
    # CRLF, LF and a lone CR in one file, as files edited on several systems have.
    lines = [",".join(quote(f) for f in row) for row in [PROFILE_HEADER + REQUIRED_HEADER,
             profile("dexin") + REQUIRED_VALUES, profile("boyuan") + REQUIRED_VALUES, profile("xinrong") + REQUIRED_VALUES]]
    write("tricky/mixed-line-endings.csv", (lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r" + lines[3] + "\r\n").encode("utf-8"))
    # Excel's "Unicode text": UTF-16 little-endian with a byte order mark, tab-separated.
    unicode_text = "".join("\t".join(str(f) for f in row) + "\r\n" for row in [
        PROFILE_HEADER + REQUIRED_HEADER, profile("tongda") + REQUIRED_VALUES])
    write("tricky/utf16-unicode-text.csv", b"\xff\xfe" + unicode_text.encode("utf-16-le"))
    # The same without its byte order mark, as some conversion tools leave it.
    write("tricky/utf16-without-byte-order-mark.csv", csv_text([PROFILE_HEADER + REQUIRED_HEADER,
          profile("hengyuan") + REQUIRED_VALUES]).encode("utf-16-le"))


def workbook_files():
    """Workbooks that are damaged, hostile or wrong inside."""
    good = workbook()
    write("xlsx-truncated.xlsx", good[: len(good) // 2])
    sheet = sheet_xml(GOOD_ROWS)
    write("xlsx-sheet-cut-off.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": sheet[: sheet.index("<row r=\"2\">") + 200]}))
    # A zip bomb: 64 MB of spaces inside the sheet, 64 KB deflated.
    bomb = sheet.replace("<sheetData>", "<sheetData>" + " " * (64 << 20))
    write("xlsx-zip-bomb.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": bomb}))
    # A sheet whose headers claim 600 MB: refused before a byte is inflated.
    write("xlsx-declared-size-huge.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": dict(data=sheet, declared_size=600 << 20)}))
    laughs = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    write("xlsx-billion-laughs.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": laughs}))
    external = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>')
    write("xlsx-external-entity.xlsx", workbook(replace={"xl/workbook.xml": external}))
    # The DOCTYPE of a shared-string part in UTF-16, which a byte-level search for "<!DOCTYPE" misses.
    strings = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE sst [<!ENTITY x SYSTEM "http://example.com/x">]>'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&x;</t></si></sst>')
    write("xlsx-doctype-in-utf16-part.xlsx", workbook(shared_strings=[], replace={
        "xl/sharedStrings.xml": b"\xff\xfe" + strings.encode("utf-16-le")}))
    write("xlsx-path-traversal-entry.xlsx", workbook(add=[dict(name="../../etc/cron.d/ronghe", data="* * * * * root id\n")]))
    write("xlsx-absolute-entry.xlsx", workbook(add=[dict(name="/etc/profile.d/ronghe.sh", data="id\n")]))
    write("xlsx-relationship-outside-package.xlsx", workbook(sheet_target="../../../../etc/passwd"))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="http://example.com/sheet1.xml" TargetMode="External"/></Relationships>')
    write("xlsx-external-sheet.xlsx", workbook(replace={"xl/_rels/workbook.xml.rels": rels}))
    write("zip-empty.xlsx", zip_bytes([]))
    package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                    'Target="xl/"/></Relationships>')
    write("xlsx-directory-as-workbook.xlsx", zip_bytes([
        dict(name="_rels/.rels", data=package_rels), dict(name="xl/", data=b"", method=0)]))
    rows = sheet.replace("</sheetData>", '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>合计</t></is></c></row></sheetData>')
    rows = rows.replace("<sheetData>", '<dimension ref="A1:N1048577"/><sheetData>')
    write("xlsx-1048577-rows.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": rows}))
    shared = [cell for cell in GOOD_ROWS[0]]
    header = [("raw", f'<c r="REF" t="s"><v>{i}</v></c>') for i in range(len(shared))]
    header[1] = ("raw", '<c r="REF" t="s"><v>40</v></c>')
    write("xlsx-shared-string-out-of-range.xlsx", workbook([header, GOOD_ROWS[1]], shared_strings=shared))
    write("xlsx-cell-reference-xfe.xlsx", workbook(replace={
        "xl/worksheets/sheet1.xml": sheet.replace("</row></sheetData>", '<c r="XFE2" t="inlineStr"><is><t>备注</t></is></c></row></sheetData>')}))
    write("xlsx-checksum-mismatch.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": dict(data=sheet, crc=0x12345678)}))
    write("xlsx-unsupported-compression.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": dict(data=sheet, method=14)}))
    write("xlsx-encrypted-entry.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": dict(data=sheet, flags=1)}))
    write("xlsx-duplicate-parts.xlsx", workbook(add=[dict(name="xl/worksheets/sheet1.xml", data=sheet_xml([GOOD_ROWS[0]]))]))
    write("xlsx-missing-sheet-part.xlsx", workbook(sheet_target="worksheets/sheet2.xml"))
    write("xlsx-header-only.xlsx", workbook([GOOD_ROWS[0]]))
    write("xlsx-boolean-not-0-or-1.xlsx", workbook([GOOD_ROWS[0] + ["E2.2 是否采用电子招标或供应商门户"],
                                                    GOOD_ROWS[1] + [("raw", '<c r="REF" t="b"><v>2</v></c>')]]))
    write("xlsx-rows-out-of-order.xlsx", workbook(replace={"xl/worksheets/sheet1.xml": sheet.replace(
        '<row r="2">', '<row r="5">').replace("</sheetData>", '<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')}))
    # A control character written as an Office escape: _x0000_ is NUL, which no name may hold.
    write("xlsx-control-character-escape.xlsx", workbook([GOOD_ROWS[0], [GOOD_ROWS[1][0], "德州_x0000_齐河德信物流有限公司"] + GOOD_ROWS[1][2:]]))
    document = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>申报表见附件</w:t></w:r></w:p></w:body></w:document>',
    }
    write("docx-renamed.xlsx", zip_bytes([dict(name=n, data=d) for n, d in document.items()]))
    write("pdf-renamed.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    write("binary-garbage.xlsx", garbage(4096, "binary-garbage.xlsx"))


if __name__ == "__main__":
    main()

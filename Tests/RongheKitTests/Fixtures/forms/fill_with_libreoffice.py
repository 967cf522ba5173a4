"""Fills a Ronghe survey form in LibreOffice, typing each answer into its cell as a user would
(the `.uno:EnterString` dispatch goes through Calc's input line: number recognition, `35%` as a
percentage, text-formatted cells kept as text, locked cells refused), then saves it as .xlsx with
LibreOffice's own writer. Run with the system Python, which has LibreOffice's `uno` module:

    /usr/bin/python3 fill_with_libreoffice.py TEMPLATE.xlsx OUT.xlsx

The answers are in ANSWERS below; the tests repeat them by hand.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

# (cell, what is typed). The cells are the answer cells the form's _ronghe sheet lists for the
# default tree in Chinese; fill_with_libreoffice.py checks each against that sheet before typing.
ANSWERS = [
    ("uscc", "E5", "91371402MA3C8K2X1T"),
    ("name", "E6", "德州融合智能装备有限公司"),
    ("district", "E7", "371402"),
    ("industry", "E8", "C34"),
    ("size", "E9", "中型"),
    ("employees", "E10", "420"),
    ("revenue", "E11", "18500.5"),
    ("year", "E12", "2025"),
    ("A1.1", "E14", "总监级（中层以上）"),
    ("A1.2", "E15", "分管副总经理"),
    ("A1.3:association", "E17", "是"),
    ("A1.3:training", "E18", "否"),
    ("A2.1", "E19", "有独立规划并列入预算"),
    ("A2.2", "E20", "12"),
    ("A2.3", "E21", "35%"),
    ("B1.1", "E23", "320.5"),
    ("B1.2", "E24", "12"),
    ("B2.1", "E25", "260"),
    ("B2.2", "E26", "60%"),
    ("B2.3", "E27", "部分系统完成定级备案"),
    ("C1.1:finance", "E30", "是"),
    ("C1.1:purchasing", "E31", "是"),
    ("C1.1:inventory", "E32", "是"),
    ("C1.1:sales", "E33", "否"),
    ("C1.1:planning", "E34", "是"),
    ("C1.1:hr", "E35", "否"),
    ("C1.2a", "E36", "85"),
    ("C1.2b", "E37", "120"),
    ("C1.3", "E38", "业务财务一体化"),
    ("C2.1", "E39", "三维CAD及PLM"),
    ("C2.2", "E40", "55"),
    ("D1.1", "E42", "4"),
    ("D1.2", "E43", "部分业务统一"),
    ("D2.1", "E44", "30"),
    ("D2.2", "E45", "部分业务上云"),
    ("E1.1", "E47", "2300"),
    ("E1.2:ownSite", "E49", "否"),
    ("E1.2:platform", "E50", "是"),
    ("E1.2:crossBorder", "E51", "否"),
    ("E2.1a", "E52", "1500"),
    ("E2.1b", "E53", "9800"),
    ("E2.2", "E54", "是"),
    ("F0", "E56", "否"),
    ("F1.1", "E57", "70"),
    # F1.2 left blank: it applies only to designated key energy users.
    ("F1.3", "E59", "能耗监测"),
    ("F2.1", "E60", "3.5"),
    ("F2.2", "E61", "否"),
    ("G1.1", "E63", "8"),
    ("G1.2", "E64", "=NA()"),
    ("G2.1", "E65", "22"),
    ("G2.2", "E66", "正在贯彻GB/T 23001两化融合管理体系"),
    ("V1", "E68", "否"),
    ("V2", "E69", "否"),
    ("V3", "E70", "否"),
    ("P1", "E71", "860"),
    ("P2", "E72", "-120"),
    ("X1", "E73", "上线ERP与MES，实现业务财务一体化；建成能耗在线监测系统"),
]
# Typed last, into a locked cell (the heading row of section B): LibreOffice must refuse it.
LOCKED_CELL = ("E22", "should not be written")


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def marker_cells(doc):
    """key (or key:option) -> answer cell, from the form's hidden _ronghe sheet."""
    sheet = doc.Sheets.getByName("_ronghe")
    cells = {}
    row = 0
    while sheet.getCellByPosition(0, row).getString() != "key":
        row += 1
    row += 1
    while sheet.getCellByPosition(0, row).getString():
        key, kind, option, cell = (sheet.getCellByPosition(c, row).getString() for c in range(4))
        cells[key + (":" + option if kind == "option" else "")] = cell
        row += 1
    return cells


def fill_once(template, out, port):
    """One office session: type every answer, store, end the office. Raises if the office dies."""
    profile = tempfile.mkdtemp()
    office = subprocess.Popen([
        "soffice", "--headless", "--norestore", "--nologo", "--nodefault",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        f"--accept=socket,host=127.0.0.1,port={port};urp;",
    ])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # Work on a copy, so a crashed office leaves its lock file there and not beside the template.
        working = os.path.join(profile, "form.xlsx")
        shutil.copy(template, working)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(working), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError(f"LibreOffice could not open {template}")
        cells = marker_cells(doc)
        controller = doc.CurrentController
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        survey = doc.Sheets.getByName("问卷")
        controller.setActiveSheet(survey)
        frame = controller.Frame
        # Everything that needs a round trip is fetched before the first edit: after it the race
        # with the aborting timer (see the README) is on, and only select + type remain per cell.
        typing = []
        for key, cell, typed in ANSWERS + [(None,) + LOCKED_CELL]:
            if key is not None and cells[key] != cell:
                raise SystemExit(f"{key}: the form puts it in {cells[key]}, not {cell}")
            typing.append((survey.getCellRangeByName(cell), (prop("StringName", typed),)))
        for target, arguments in typing:
            controller.select(target)
            dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, arguments)
        # Store at once: see the README on the timer that aborts LibreOffice 7.4 headless.
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        locked = survey.getCellRangeByName(LOCKED_CELL[0]).getString()
        print(f"{LOCKED_CELL[0]} (locked) after typing: {locked!r}")
        print(f"saved {out}")
        # Closing the document would only give the same timer another chance; end the office.
    finally:
        office.terminate()
        office.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)


def main(template, out, attempts=10):
    for attempt in range(1, attempts + 1):
        if os.path.exists(out):
            os.remove(out)
        try:
            fill_once(template, out, 2059 + attempt)
            print(f"attempt {attempt} succeeded")
            return
        except SystemExit:
            raise
        except Exception as error:  # the bridge dies with the office
            print(f"attempt {attempt}: LibreOffice died ({type(error).__name__}); trying again", file=sys.stderr)
    raise SystemExit(f"LibreOffice crashed {attempts} times in a row")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

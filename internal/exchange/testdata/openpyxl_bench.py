#!/usr/bin/python3
"""The openpyxl peer of the rater workbook benchmarks (docs/benchmarks.md): what an office's
scripter would write in Python, timed on the same work.

  openpyxl_bench.py write SPEC.json OUTDIR   write the workbooks that SPEC.json describes
  openpyxl_bench.py read FILE...             read every cell of every sheet (read-only mode)

SPEC.json is written by the Go benchmark from the workbooks it exported: every sheet with its
cells (values, formulas, styles), merges, column widths and hidden columns, row heights, data
validations, protection, visibility and print setup. Loading it is not timed; building the
workbooks and saving them is. Prints {"seconds": ..., "files": ..., "cells": ...} as JSON.
"""
import json
import os
import sys
import time

import openpyxl
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation


def named_styles(specs):
    thin = Side(style="thin", color="000000")
    out = {}
    for key, st in specs.items():
        ns = NamedStyle(name="s" + key)
        ns.font = Font(name=st.get("font") or "Calibri", size=st.get("size") or 11, bold=st.get("bold", False))
        if st.get("fill"):
            ns.fill = PatternFill("solid", fgColor=st["fill"])
        if st.get("border"):
            ns.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ns.alignment = Alignment(horizontal=st.get("h") or None, vertical=st.get("v") or None, wrap_text=st.get("wrap", False))
        ns.protection = Protection(locked=st.get("locked", True), hidden=st.get("hidden", False))
        if st.get("numfmt"):
            ns.number_format = st["numfmt"]
        out[key] = ns
    return out


def write(spec_path, outdir):
    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    os.makedirs(outdir, exist_ok=True)
    cells = 0
    start = time.perf_counter()
    for book in spec["books"]:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        styles = named_styles(spec["styles"])
        for ns in styles.values():
            wb.add_named_style(ns)
        for sh in book["sheets"]:
            ws = wb.create_sheet(sh["name"])
            for col, width in (sh.get("widths") or {}).items():
                ws.column_dimensions[col].width = width
            for col in (sh.get("hidden") or []):
                ws.column_dimensions[col].hidden = True
            for row, height in (sh.get("heights") or {}).items():
                ws.row_dimensions[int(row)].height = height
            for r, c, value, style in sh["cells"] or []:
                cell = ws.cell(row=r, column=c, value=value)
                if style:
                    cell.style = "s" + style
                cells += 1
            for ref in (sh.get("merges") or []):
                ws.merge_cells(ref)
            for v in (sh.get("validations") or []):
                dv = DataValidation(type=v["type"], operator=v.get("operator") or None, formula1=v.get("f1") or None,
                                    formula2=v.get("f2") or None, allow_blank=True, showErrorMessage=True,
                                    showInputMessage=True, error=v.get("error"), prompt=v.get("prompt"),
                                    sqref=v["sqref"])
                ws.add_data_validation(dv)
            if sh.get("protect"):
                ws.protection.sheet = True
                ws.protection.password = "lkp"
            if sh.get("landscape"):
                ws.page_setup.orientation = "landscape"
            ws.page_setup.paperSize = ws.PAPERSIZE_A4
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            if sh.get("titles"):
                ws.print_title_rows = sh["titles"]
            ws.oddFooter.center.text = "第 &P 页 共 &N 页"
            if sh.get("freeze"):
                ws.freeze_panes = sh["freeze"]
            if sh.get("state"):
                ws.sheet_state = sh["state"]
        wb.active = 0
        wb.save(os.path.join(outdir, book["file"]))
    return {"seconds": time.perf_counter() - start, "files": len(spec["books"]), "cells": cells}


def read(paths):
    cells = 0
    start = time.perf_counter()
    for p in paths:
        wb = openpyxl.load_workbook(p, read_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    return {"seconds": time.perf_counter() - start, "files": len(paths), "cells": cells}


if __name__ == "__main__":
    mode = sys.argv[1]
    result = write(sys.argv[2], sys.argv[3]) if mode == "write" else read(sys.argv[2:])
    print(json.dumps(result))

#!/usr/bin/python3
"""Fill a rater workbook the way a scripter (or another office suite) would, with openpyxl:
write cells, rename and move sheets, add a sheet of one's own.

Usage: fill_openpyxl.py IN.xlsx OUT.xlsx EDITS.json, where EDITS.json is
{"cells": [{"sheet", "cell", "value"}], "rename": {"old": "new"}, "move_first": [name],
 "add_sheet": name}.
"""
import json
import sys

import openpyxl

src, dst, edits_path = sys.argv[1:4]
with open(edits_path, encoding="utf-8") as fh:
    edits = json.load(fh)
wb = openpyxl.load_workbook(src)
for e in edits.get("cells", []):
    wb[e["sheet"]][e["cell"]] = e["value"]
for old, new in edits.get("rename", {}).items():
    wb[old].title = new
for name in edits.get("move_first", []):
    wb.move_sheet(name, offset=-wb.sheetnames.index(name))
if edits.get("add_sheet"):
    ws = wb.create_sheet(edits["add_sheet"])
    ws["A1"] = "我的草稿"
    ws["G4"] = "九十"
wb.save(dst)

"""Edits one cell of a workbook with openpyxl, as a spreadsheet user would, and saves it.

usage: edit_xlsx.py IN OUT SHEET ROW HEADER KIND VALUE
KIND: number (a number cell), text (a text cell, even when it begins with "="), formula,
date (a date cell, YYYY-MM-DD), merge (merge the cell with the one to its right).
"""
import datetime
import sys

import openpyxl

src, out, sheet_name, row, header, kind, value = sys.argv[1:8]
wb = openpyxl.load_workbook(src)
ws = wb[sheet_name]
column = next(c.column for c in ws[1] if c.value == header)
cell = ws.cell(row=int(row), column=column)
if kind == "number":
    cell.value = float(value) if "." in value else int(value)
elif kind == "text":
    cell.value = value
    cell.data_type = "s"  # openpyxl would otherwise take "=..." for a formula
elif kind == "formula":
    cell.value = value
elif kind == "date":
    cell.value = datetime.date.fromisoformat(value)
    cell.number_format = "yyyy-mm-dd"
elif kind == "merge":
    ws.merge_cells(start_row=int(row), start_column=column, end_row=int(row), end_column=column + 1)
else:
    raise SystemExit("unknown kind " + kind)
wb.save(out)

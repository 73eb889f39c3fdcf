"""Dumps a workbook as openpyxl (a real spreadsheet reader) sees it, as JSON on stdout.

Usage: dump_xlsx.py FILE [MAX_ROWS]. For each sheet: its name, frozen cell, filter range,
merged ranges and its rows, each cell as {v: value, t: openpyxl data type (s, n, f, b, d),
fmt: number format, link: hyperlink target or null}.
"""
import json
import sys

import openpyxl

path = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
wb = openpyxl.load_workbook(path)
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(max_row=min(ws.max_row, limit)):
        cells = []
        for c in row:
            v = c.value
            if v is not None and not isinstance(v, (str, int, float, bool)):
                v = str(v)
            cells.append({"v": v, "t": c.data_type, "fmt": c.number_format,
                          "link": c.hyperlink.target if c.hyperlink is not None else None})
        rows.append(cells)
    out.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                "merged": [str(r) for r in ws.merged_cells.ranges], "max_row": ws.max_row,
                "widths": {k: d.width for k, d in ws.column_dimensions.items()},
                "rows": rows})
json.dump({"sheets": out}, sys.stdout, ensure_ascii=False)

#!/usr/bin/python3
"""pydocx_read.py FILE.docx -- what python-docx (Debian python3-docx) reads from a DOCX, as JSON.

A second reader for render/docx's tests (TestPythonDocxReads): paragraph styles with the styles they are
based on, run-level direct formatting, style fonts and sizes, and the tables' cell texts.
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def east(font_el):
    """The w:eastAsia font of an rPr-bearing element, or None."""
    rpr = font_el.find(qn("w:rPr"))
    if rpr is None:
        return None
    rf = rpr.find(qn("w:rFonts"))
    return None if rf is None else rf.get(qn("w:eastAsia"))


def chain(style):
    out = []
    while style is not None:
        out.append(style.name)
        style = style.base_style
    return out


d = docx.Document(sys.argv[1])
out = {"paragraphs": [], "styles": {}, "tables": []}
for p in d.paragraphs:
    out["paragraphs"].append({
        "style": chain(p.style),
        "text": p.text,
        "runs": [{"text": r.text, "size": r.font.size.pt if r.font.size else None, "east": east(r._r),
                  "style": r.style.name if r._r.rPr is not None and r._r.rPr.rStyle is not None else None}
                 for r in p.runs],
    })
for s in d.styles:
    if s.type != docx.enum.style.WD_STYLE_TYPE.PARAGRAPH:
        continue
    out["styles"][s.name] = {"base": chain(s)[1:], "size": s.font.size.pt if s.font.size else None,
                             "east": east(s.element), "ascii": s.font.name}
for t in d.tables:
    rows = []
    for row in t.rows:
        rows.append([c.text for c in row.cells])
    out["tables"].append(rows)
json.dump(out, sys.stdout, ensure_ascii=False)

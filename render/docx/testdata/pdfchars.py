#!/usr/bin/python3
"""pdfchars.py FILE.pdf [--chars] -- the text lines of a PDF with the fonts and sizes of their CJK characters, as JSON.

Used by render/docx's LibreOffice test to check which font and size LibreOffice set edited text in
(Debian python3-pdfminer). One object per pdfminer text line: page (from 1), text, fonts (sorted
PostScript names without the subset tag) of its characters from U+2E80 up, sizes (rounded to 0.1 pt) of
all its characters. With --chars: one object per character instead: page, text, x0, y0, x1, y1 (pt),
size.
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextLine


def lines(obj):
    if isinstance(obj, LTTextLine):
        yield obj
    elif hasattr(obj, "__iter__"):
        for o in obj:
            yield from lines(o)


out = []
chars = "--chars" in sys.argv[2:]
for n, page in enumerate(extract_pages(sys.argv[1]), 1):
    for line in lines(page):
        if chars:
            for c in line:
                if isinstance(c, LTChar) and c.get_text().strip():
                    out.append({"page": n, "text": c.get_text(), "x0": round(c.x0, 2), "y0": round(c.y0, 2),
                                "x1": round(c.x1, 2), "y1": round(c.y1, 2), "size": round(c.size, 1)})
            continue
        fonts, sizes = set(), set()
        for c in line:
            if not isinstance(c, LTChar) or not c.get_text().strip():
                continue
            sizes.add(round(c.size, 1))
            if ord(c.get_text()[0]) >= 0x2E80:
                fonts.add(c.fontname.split("+", 1)[-1])
        out.append({"page": n, "text": line.get_text().strip(), "fonts": sorted(fonts), "sizes": sorted(sizes)})
json.dump(out, sys.stdout, ensure_ascii=False)

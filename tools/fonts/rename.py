#!/usr/bin/python3
"""rename.py in.ttf out.ttf "Family" "Style" -- give a subset font its own name.

A subset is a Modified Version under the SIL OFL 1.1, which may not carry a Reserved Font Name ("LXGW",
"霞鹜", "Liberation"). All name records that carry the font's name (IDs 1, 2, 3, 4, 6, 16, 17, every
language) are replaced; copyright, version, trademark, designer, vendor and licence records are kept.
Legacy family (ID 1) is "Family Style" for styles other than Regular and Bold, as the OpenType spec asks.
"""
import sys
from fontTools.ttLib import TTFont


def main(src, dst, fam, style):
    f = TTFont(src)
    name = f["name"]
    name.names = [n for n in name.names if n.nameID in {0, 5, 7, 8, 9, 11, 13, 14}]
    ps = (fam + "-" + style).replace(" ", "")
    if style in ("Regular", "Bold"):
        legacy_fam, legacy_style = fam, style
    else:
        legacy_fam, legacy_style = fam + " " + style, "Regular"
    ids = {1: legacy_fam, 2: legacy_style, 3: ps + ";nianbao", 4: fam + " " + style, 6: ps,
           16: fam, 17: style}
    for nid, val in ids.items():
        name.setName(val, nid, 3, 1, 0x409)
    if "CFF " in f:
        raise SystemExit("rename.py: " + src + " still has CFF outlines")
    f.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:5])

#!/usr/bin/python3
"""otf2ttf.py in.otf out.ttf [max_err] -- CFF OpenType -> TrueType glyf outlines (cu2qu).

fpdf embeds only TrueType (glyf) fonts; Noto CJK ships CFF. Curves are approximated with quadratic splines
to within max_err font units (default 1 of 1000), contour direction reversed for TrueType.
"""
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen


def main(src, dst, max_err=1.0):
    f = TTFont(src)
    assert f.sfntVersion == "OTTO" and "CFF " in f, src + " is not a CFF OpenType font"
    order = f.getGlyphOrder()
    gs = f.getGlyphSet()
    quad = {}
    for name in order:
        tt = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(tt, max_err, reverse_direction=True))
        quad[name] = tt.glyph()
    f["loca"] = newTable("loca")
    glyf = f["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quad
    # Vertical origin of each glyph before the outlines change: VORG (CFF only) gives it, else the
    # CFF bounding box top plus the top side bearing. TrueType has no VORG: its vertical origin is
    # yMax + tsb, so vmtx tsb is recomputed from the new outlines to keep the origin where it was.
    vorg = {}
    if "vmtx" in f:
        cff = f["CFF "].cff.topDictIndex[0].CharStrings
        v = f["VORG"] if "VORG" in f else None
        for name in order:
            if v is not None:
                vorg[name] = v.VOriginRecords.get(name, v.defaultVertOriginY)
            else:
                b = cff[name].calcBounds(cff)
                vorg[name] = (b[3] if b else 0) + f["vmtx"][name][1]
    del f["CFF "]
    if "VORG" in f:
        del f["VORG"]
    glyf.compile(f)
    hmtx = f["hmtx"]
    for n, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[n] = (hmtx[n][0], g.xMin)
    if "vmtx" in f:
        vmtx = f["vmtx"]
        for n, g in glyf.glyphs.items():
            if hasattr(g, "yMax"):
                vmtx[n] = (vmtx[n][0], vorg[n] - g.yMax)
    maxp = f["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for a in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, a, 0)
    f["post"].formatType = 3.0
    f.sfntVersion = "\x00\x01\x00\x00"
    f.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 1.0)

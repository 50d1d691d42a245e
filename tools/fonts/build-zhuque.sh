#!/bin/sh
# build-zhuque.sh ZHUQUE_TTF [OUTDIR] -- the bundled body font body-fangsong.ttf.zst (仿宋_GB2312 role) from
# 朱雀仿宋 Zhuque Fangsong 0.211 (TrionesType/zhuque, SIL OFL 1.1, upstream calls it a technical preview).
#
# ZHUQUE_TTF is ZhuqueFangsong-Regular.ttf as built from upstream source (tag v0.211 = commit
# 227319a16dab9b4ce48b8cf168f70f2ffa0ce3d0) by tools/fonts/zhuque-from-source.sh with Debian 12's fontmake
# (sha256 f0d10fe3144129862c63b6a67ac1525a4f5a05a6b6d00d221abcb348da95913a; a .ttf.gz is gunzipped first).
# Needs: apt-get install --no-install-recommends fonttools python3-fonttools unicode-data
#
# Steps: point “ ” ‘ ’ (U+201C/U+201D/U+2018/U+2019), which upstream's cmap maps to narrow Alegreya quotes,
# at the full-width glyphs quotedblleft.uv002 … quoteright.uv002; subset to charset.py's "full" set (GB 2312
# ∪ 通用规范汉字表 ∪ punctuation and symbols; characters the font lacks are simply absent, the PDF falls back
# per character to body-serif-light.ttf); rename to "Report Fangsong SC" (rename.py); pack (tools/fonts/pack, zstd).
# SOURCE_DATE_EPOCH fixes head.modified, so two runs give identical bytes.
set -eu
[ $# -ge 1 ] || { echo "usage: sh build-zhuque.sh ZhuqueFangsong-Regular.ttf[.gz] [OUTDIR]" >&2; exit 2; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1734506551}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${2:-$HERE/../../fonts/data}
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PY=/usr/bin/python3
case "$1" in *.gz) gunzip -c "$1" > "$T/zq.ttf" ;; *) cp "$1" "$T/zq.ttf" ;; esac
$PY "$HERE/charset.py" full > "$T/full.txt"
$PY - "$T/zq.ttf" "$T/zq-quotes.ttf" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
names = set(f.getGlyphOrder())
quotes = {0x201C: "quotedblleft.uv002", 0x201D: "quotedblright.uv002",
          0x2018: "quoteleft.uv002", 0x2019: "quoteright.uv002"}
for g in quotes.values():
    assert g in names, g
    assert f["hmtx"][g][0] == f["head"].unitsPerEm, (g, f["hmtx"][g])
for t in f["cmap"].tables:
    if t.isUnicode():
        for u, g in quotes.items():
            if u in t.cmap:
                t.cmap[u] = g
f.save(sys.argv[2])
PYEOF
pyftsubset "$T/zq-quotes.ttf" --layout-features= --no-hinting --name-IDs=0,1,2,3,4,5,6,7,8,9,11,13,14 \
  --name-languages='*' --drop-tables+=VORG,BASE,GSUB,GPOS,DSIG --text-file="$T/full.txt" \
  --output-file="$T/sub.ttf" 2>/dev/null
$PY "$HERE/rename.py" "$T/sub.ttf" "$T/body-fangsong.ttf" "Report Fangsong SC" Regular
(cd "$HERE/../.." && go build -o "$T/pack" ./tools/fonts/pack)
"$T/pack" "$T/body-fangsong.ttf" "$OUT/body-fangsong.ttf.zst"
cp "$HERE/zhuque-LICENSE.txt" "$OUT/LICENSE-zhuque-fangsong.txt"
ls -l "$T/body-fangsong.ttf" "$OUT/body-fangsong.ttf.zst"
(cd "$OUT" && sha256sum body-fangsong.ttf.zst)

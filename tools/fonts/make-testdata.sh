#!/bin/sh
# make-testdata.sh -- rebuild the tiny fonts under fonts/testdata/ used by the fonts package tests.
# They are subsets (a dozen characters) of the bundled fonts and of Noto Serif CJK, renamed after official
# fonts so that discovery can be tested without the real (proprietary) fonts:
#   fangsong.ttf  glyf, family "FangSong"          (a system 仿宋 that must win over the bundled body font)
#   kaiti-cff.otf CFF,  family "KaiTi"             (must be skipped with a note: fpdf cannot embed CFF)
#   pair.ttc      glyf collection: "SimHei", "KaiTi_GB2312" (face extraction from a .ttc)
set -eu
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1704067200}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/../../fonts/data
OUT=${1:-$HERE/../../fonts/testdata}
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PY=/usr/bin/python3
TEXT="仿宋黑体楷总体情况一二三年度报告。，（）"
SUBSET="--text=$TEXT --layout-features= --no-hinting --name-IDs=0,1,2,3,4,5,6,7,8,9,11,13,14 --name-languages=* --drop-tables+=VORG,vhea,vmtx,BASE,GSUB,GPOS,DSIG"
(cd "$HERE/../.." && go build -o "$T/pack" ./tools/fonts/pack)
"$T/pack" -d "$DATA/body-serif-light.ttf.zst" "$T/body.ttf"
"$T/pack" -d "$DATA/heading-sans.ttf.zst" "$T/sans.ttf"
"$T/pack" -d "$DATA/heading-kai.ttf.zst" "$T/kai.ttf"
pyftsubset "$T/body.ttf" $SUBSET --output-file="$T/fs.ttf"
$PY "$HERE/rename.py" "$T/fs.ttf" "$OUT/fangsong.ttf" FangSong Regular
pyftsubset "$T/sans.ttf" $SUBSET --output-file="$T/hei.ttf"
$PY "$HERE/rename.py" "$T/hei.ttf" "$T/hei2.ttf" SimHei Regular
pyftsubset "$T/kai.ttf" $SUBSET --output-file="$T/k.ttf"
$PY "$HERE/rename.py" "$T/k.ttf" "$T/k2.ttf" KaiTi_GB2312 Regular
$PY -c "import sys;from fontTools.ttLib import TTFont,TTCollection as C;c=C();c.fonts=[TTFont(p) for p in sys.argv[2:]];c.save(sys.argv[1])" "$OUT/pair.ttc" "$T/hei2.ttf" "$T/k2.ttf"
$PY -c "import sys;from fontTools.ttLib import TTCollection as C;C(sys.argv[1]).fonts[2].save(sys.argv[2])" /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc "$T/noto.otf"
pyftsubset "$T/noto.otf" $SUBSET --desubroutinize --output-file="$T/kc.otf"
$PY -c "
import sys
from fontTools.ttLib import TTFont
f=TTFont(sys.argv[1]);n=f['name']
n.names=[r for r in n.names if r.nameID in {0,5,7,8,9,11,13,14}]
for i,v in {1:'KaiTi',2:'Regular',4:'KaiTi Regular',6:'KaiTi-Regular',16:'KaiTi',17:'Regular'}.items(): n.setName(v,i,3,1,0x409)
f.save(sys.argv[2])" "$T/kc.otf" "$OUT/kaiti-cff.otf"
ls -l "$OUT"

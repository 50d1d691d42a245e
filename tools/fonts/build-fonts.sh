#!/bin/sh
# build-fonts.sh [OUTDIR] -- reproducible build of nianbao's bundled default fonts (fonts/data/).
#
# Sources are Debian (bookworm) packages, all SIL OFL 1.1:
#   apt-get install --no-install-recommends fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai \
#           fonts-liberation2 fonttools python3-fonttools unicode-data
# Tested with fonts-noto-cjk(-extra) 1:20220127+repack1-1, fonts-lxgw-wenkai 1.250+repack-1,
# fonts-liberation2 2.1.5-1, fonttools 4.38.0-1+deb12u1, unicode-data 15.0.0-1.
#
# Output: six <name>.ttf.zst (TrueType glyf outlines, subset, renamed "Report …", packed by tools/fonts/pack:
# zstd, content size and checksum in the frame) plus the licence texts. Needs Go (the repository's module).
# SOURCE_DATE_EPOCH fixes head.created/modified and pack's output depends only on its input, so two runs give
# byte-identical files (compare with: sha256sum fonts/data/*).
set -eu
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1704067200}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../../fonts/data}
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PY=/usr/bin/python3
PACK="$T/pack"
(cd "$HERE/../.." && go build -o "$PACK" ./tools/fonts/pack)
N=/usr/share/fonts/opentype/noto
K=/usr/share/fonts/truetype/lxgw-wenkai
L=/usr/share/fonts/truetype/liberation2
for f in $N/NotoSerifCJK-Bold.ttc $N/NotoSerifCJK-Light.ttc $N/NotoSerifCJK-Regular.ttc \
         $N/NotoSansCJK-Regular.ttc $K/LXGWWenKai-Regular.ttf $L/LiberationSerif-Regular.ttf \
         /usr/share/unicode/Unihan_OtherMappings.txt.bz2; do
  [ -f "$f" ] || { echo "build-fonts.sh: missing $f; install the packages listed at the top of this script" >&2; exit 2; }
done
$PY "$HERE/charset.py" full > "$T/full.txt"
$PY "$HERE/charset.py" gb2312 > "$T/gb2312.txt"
$PY "$HERE/charset.py" latin > "$T/latin.txt"
# Vertical metrics (vhea/vmtx) and the vertical alternates (GSUB features vert/vrt2: 、。，（ in their
# vertical forms) are kept: LibreOffice sets a w:textDirection tbRl cell (the DOCX vertical label
# 三、本年度办理结果) with them and garbles it without. The PDF writer embeds only the tables it needs.
SUBSET="--layout-features=vert,vrt2 --no-hinting --desubroutinize --name-IDs=0,1,2,3,4,5,6,7,8,9,11,13,14 --name-languages=* --drop-tables+=VORG,BASE,GPOS,DSIG"

# noto TTC CHARSET OUT FAMILY STYLE: face 2 of Debian's Noto CJK collections is SC.
noto() {
  $PY -c "import sys;from fontTools.ttLib import TTCollection as C;f=C(sys.argv[1]).fonts[2];n=f['name'].getDebugName(1);assert ' SC' in n,n;f.save(sys.argv[2])" "$1" "$T/$3.otf"
  pyftsubset "$T/$3.otf" $SUBSET --text-file="$T/$2.txt" --output-file="$T/$3.sub.otf" 2>/dev/null
  $PY "$HERE/otf2ttf.py" "$T/$3.sub.otf" "$T/$3.sub.ttf"
  $PY "$HERE/rename.py" "$T/$3.sub.ttf" "$T/$3.ttf" "$4" "$5"
}
# glyf TTF CHARSET OUT FAMILY STYLE: already TrueType, subset and rename only.
glyf() {
  pyftsubset "$1" $SUBSET --text-file="$T/$2.txt" --output-file="$T/$3.sub.ttf" 2>/dev/null
  $PY "$HERE/rename.py" "$T/$3.sub.ttf" "$T/$3.ttf" "$4" "$5"
}

noto $N/NotoSerifCJK-Bold.ttc    full   title-serif-bold  "Report Serif SC" Bold      # 方正小标宋简体 role
noto $N/NotoSerifCJK-Light.ttc   full   body-serif-light  "Report Serif SC" Light     # 仿宋_GB2312 role
noto $N/NotoSansCJK-Regular.ttc  full   heading-sans      "Report Sans SC"  Regular   # 黑体 role
glyf $K/LXGWWenKai-Regular.ttf   full   heading-kai       "Report Kai SC"   Regular   # 楷体_GB2312 role (RFN LXGW/霞鹜)
noto $N/NotoSerifCJK-Regular.ttc gb2312 table-serif       "Report Serif SC" Regular   # 宋体 role (tables, page numbers)
glyf $L/LiberationSerif-Regular.ttf latin latin-serif     "Report Serif Latin" Regular # Times New Roman role (RFN Liberation)

for n in title-serif-bold body-serif-light heading-sans heading-kai table-serif latin-serif; do
  "$PACK" "$T/$n.ttf" "$OUT/$n.ttf.zst"
done
cp /usr/share/doc/fonts-noto-cjk/copyright "$OUT/LICENSE-noto-cjk.txt"
cp /usr/share/doc/fonts-lxgw-wenkai/copyright "$OUT/LICENSE-lxgw-wenkai.txt"
cp /usr/share/doc/fonts-liberation2/copyright "$OUT/LICENSE-liberation.txt"
(cd "$OUT" && sha256sum *.ttf.zst)

# 朱雀仿宋 (body role, body-fangsong.ttf.zst): no Debian package; built from upstream source by
# zhuque-from-source.sh, then subset by build-zhuque.sh. Give the built font to rebuild it here too.
if [ -n "${ZHUQUE_TTF:-}" ]; then sh "$HERE/build-zhuque.sh" "$ZHUQUE_TTF" "$OUT"; fi

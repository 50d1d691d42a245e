#!/usr/bin/env bash
# Whole-process comparison of nianbao with the peer pipelines on the seed report, run alternately by
# tools/peerbench (median CPU time of paired runs, peak RSS). usage: tools/peerbench/peers.sh [N] (default 15)
# nianbao-cold is a first run: an empty font cache, so the bundled fonts of the roles used are gunzipped (its CPU
# time includes the mktemp of the empty cache folder, about 1 ms).
#
# The peers (Typst 0.14.2 through npm, docx+LibreOffice) come from the harness in ../shared/peers; install
# them once with:   cp -r ../shared/peers /tmp/peers && /tmp/peers/setup.sh
# (PEERS=DIR points elsewhere). Without them only nianbao is measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-15}
PEERS=${PEERS:-/tmp/peers}
OUT=$(mktemp -d /tmp/peerbench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
CGO_ENABLED=0 go build -o "$OUT/nianbao" ./cmd/nianbao
go build -o "$OUT/peerbench" ./tools/peerbench
SEED=$PWD/examples/yichuan-chengguanju-2020.toml
cmds=("nianbao=$OUT/nianbao render --no-system --pdf --docx -o $OUT $SEED"
  "nianbao-cold=NIANBAO_FONT_CACHE=\$(mktemp -d $OUT/cold.XXXXXX) $OUT/nianbao render --no-system --pdf --docx -o $OUT $SEED")
if [ -d "$PEERS/node_modules" ]; then
  cmds+=("typst=node $PEERS/typst-compile.mjs $PEERS/report.typ $OUT/typst.pdf")
  if command -v soffice >/dev/null; then
    cmds+=("docx+LO=node $PEERS/make-docx.mjs $OUT/peer.docx && soffice -env:UserInstallation=file://$OUT/lo --headless --convert-to pdf --outdir $OUT $OUT/peer.docx >/dev/null")
  fi
else
  echo "# peers not installed in $PEERS (see the comment at the top of this script): nianbao only" >&2
fi
"$OUT/peerbench" -n "$N" "${cmds[@]}"

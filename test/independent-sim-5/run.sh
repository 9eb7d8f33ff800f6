#!/bin/sh
# run.sh [seed...] — generate /tmp/sim6/s<seed>, run the built CLI once per zone folder (with --me the
# operator's name, as a user would), check every report with check-report.mjs, score into
# /tmp/sim6/s<seed>/score.md
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=${CLI:-$HERE/../../bin/community-audit.js}
CHECK=${CHECK:-/work/shared/tools/check-report.mjs}
[ $# -eq 0 ] && set -- 1
for SEED in "$@"; do
  D=/tmp/sim6/s$SEED
  rm -rf "$D"
  node "$HERE/sim.mjs" "$D" --seed "$SEED"
  a() { node "$CLI" analyze "$@" --format json --quiet; }
  a "$D/cn" --tz Asia/Shanghai --me 林小满 > "$D/report-cn.json" || echo "cn: exit $?"
  a "$D/jp/LINE_トーク履歴.zip" --tz Asia/Tokyo --me 高橋まこと > "$D/report-jp.json" || echo "jp: exit $?"
  a "$D/tw" --tz Asia/Taipei --me Jasmine > "$D/report-tw.json" || echo "tw: exit $?"
  a "$D/hi" --tz Pacific/Honolulu --me "Kai Makoa" > "$D/report-hi.json" || echo "hi: exit $?"
  a "$D/th" --tz Asia/Bangkok --me Nattapong > "$D/report-th.json" || echo "th: exit $?"
  for Z in cn jp tw hi th; do
    node "$CHECK" "$D/report-$Z.json" --require verdicts,fission,journeys > "$D/check-$Z.txt" 2>&1 || true
  done
  node "$HERE/score.mjs" "$D" > /dev/null
  echo "seed $SEED: $D/score.md"
done

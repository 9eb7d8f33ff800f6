#!/bin/sh
# Usage: sh run.sh [SEEDS...]   (default 1 2 3). Data and reports go to /tmp/sim3/s<seed>/.
set -e
HERE=$(cd "$(dirname "$0")" && pwd); MAIN=$(cd "$HERE/../.." && pwd)
SEEDS=${*:-"1 2 3"}
for s in $SEEDS; do
  OUT=/tmp/sim3/s$s
  rm -rf "$OUT"; node "$HERE/sim.mjs" "$OUT" --seed "$s"
  ASOF=$(node -e "console.log(require('$OUT/truth.json').asOf)")
  (cd "$MAIN" && node bin/community-audit.js analyze "$OUT/data" --format json --tz Asia/Shanghai --as-of "$ASOF" > "$OUT/report.json")
  node "$HERE/score.mjs" "$OUT/truth.json" "$OUT/report.json" --json "$OUT/score.json" > "$OUT/score.txt"
  echo "seed $s: scored -> $OUT/score.txt"
done

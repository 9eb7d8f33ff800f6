#!/bin/sh
# run.sh [seed...] — generate /tmp/sim5/s<seed>, run the built CLI per zone (default as-of, as-of 60 days
# later, the NY folder as a whole, DST cuts), score into /tmp/sim5/s<seed>/score.md
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=${CLI:-$HERE/../../bin/community-audit.js}
[ $# -eq 0 ] && set -- 1
for SEED in "$@"; do
  D=/tmp/sim5/s$SEED
  rm -rf "$D"
  node "$HERE/sim.mjs" "$D" --seed "$SEED"
  LATE=$(node -e 'console.log(require(process.argv[1]).runs.sh.lateAsOf)' "$D/truth.json")
  a() { node "$CLI" analyze "$@" --format json --quiet; }
  a "$D/asia-shanghai" --tz Asia/Shanghai > "$D/report-sh.json"
  a "$D/asia-shanghai" --tz Asia/Shanghai --as-of "$LATE" > "$D/report-sh-late.json"
  # NY: the Slack folder and the canonical CSVs given one by one (the parent folder loses the CSVs: see README)
  NY="$D/america-new_york/slack-acme $D/america-new_york/nyc-live.csv $D/america-new_york/nyc-live_members.csv"
  a $NY --tz America/New_York > "$D/report-ny.json"
  a $NY --tz America/New_York --as-of "$LATE" > "$D/report-ny-late.json"
  a "$D/america-new_york" --tz America/New_York > "$D/report-ny-folder.json"
  a "$D/europe-london" --tz Europe/London > "$D/report-ldn.json"
  a "$D/europe-london" --tz Europe/London --as-of "$LATE" > "$D/report-ldn-late.json"
  for CUT in 2024-11-20T12:00:00Z 2025-01-15T12:00:00Z 2025-04-15T12:00:00Z; do
    a $NY --tz America/New_York --as-of $CUT > "$D/report-dst-ny-$(echo $CUT | cut -c1-10).json"
    a "$D/europe-london" --tz Europe/London --as-of $CUT > "$D/report-dst-ldn-$(echo $CUT | cut -c1-10).json"
  done
  node "$HERE/score.mjs" "$D" > /dev/null
  echo "seed $SEED: $D/score.md"
done

#!/usr/bin/env bash
# Generate seeds, run the built community-audit once per time zone, score.
# Usage: test/independent-sim-3/run.sh [SEED ...]   (default: 1 2). Data in /tmp/sim4/s<SEED>.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
ASOF=2025-06-30T12:00:00Z
for SEED in "${@:-1 2}"; do for S in $SEED; do
  OUT=/tmp/sim4/s$S; rm -rf "$OUT"
  node "$HERE/sim.mjs" "$OUT" --seed "$S" --as-of "$ASOF"
  REPORTS=()
  while IFS=$'\t' read -r TZ DIR ME; do
    ARGS=(analyze "$OUT/$DIR" --format json --tz "$TZ" --as-of "$ASOF")
    [ -n "$ME" ] && ARGS+=(--me "$ME")
    (cd "$ROOT" && node bin/community-audit.js "${ARGS[@]}" > "$OUT/report-$DIR.json") || echo "exit $? for $DIR" >&2
    REPORTS+=("$OUT/report-$DIR.json")
  done < <(node -e 'const t=require(process.argv[1]); for (const r of t.runs) console.log([r.tz,r.dir,r.me[0]||""].join("\t"))' "$OUT/truth.json")
  node "$HERE/score.mjs" "$OUT/truth.json" "${REPORTS[@]}" --json "$OUT/score.json" > "$OUT/score.md"
  head -40 "$OUT/score.md"
done; done

#!/usr/bin/env bash
# Soak: mixed reads with wrk for SECONDS while an admin saves a figure through the real form
# every second. Prints errors, edits acknowledged, resident memory at rest before and after, and
# under load at each minute.
#
#   src/bench/soak.sh PORT SERVER_PID SECONDS WORKDIR      (called by src/bench/run.sh)
#
# PORT and SERVER_PID name a running server on 127.0.0.1 whose database is WORKDIR/data/dashboard.db;
# an admin "soak" is created in it. Stops by itself after SECONDS (+ 6 s of rest before the last
# memory reading); every request has a time limit. Helpers: src/bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[[ "${1:-}" == -h || "${1:-}" == --help ]] && { bench_usage; exit 0; }
(($# == 4)) || { echo "usage: src/bench/soak.sh PORT SERVER_PID SECONDS WORKDIR (see --help)" >&2; exit 2; }
PORT=$1; PID=$2; SECONDS_TOTAL=$3; WORK=$4
bench_need wrk curl java
B="http://127.0.0.1:$PORT"
PASSWORD="soak-password-$RANDOM$RANDOM"
COOKIES="$WORK/soak.cookies"

bench_admin_create "$WORK/data/dashboard.db" soak "$PASSWORD"
bench_admin_login "$B" "$COOKIES" soak "$PASSWORD" || { echo "soak: cannot sign in" >&2; exit 1; }

cat >"$WORK/mixed.lua" <<'LUA'
local paths = { "/", "/?lang=en", "/figures/ai-training-attendance", "/figures.csv", "/api/figures",
                "/api/figures/ai-lectures", "/events.csv" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

BEFORE=$(bench_rss_mb "$PID")
wrk -t2 -c16 -d"${SECONDS_TOTAL}s" -s "$WORK/mixed.lua" "$B" >"$WORK/soak-wrk.txt" 2>&1 &
WRK_PID=$!
trap 'kill "$WRK_PID" 2>/dev/null || true' EXIT

ok=0; failed=0
start=$(date +%s)
end=$(( start + SECONDS_TOTAL ))
i=0
# Resident memory under load, once a minute: the first minute warms the edit path up (its code is
# compiled, its classes loaded); a leak would keep climbing after that.
SAMPLES=(); next_sample=$(( start + 60 ))
while (( $(date +%s) < end )); do
  if (( $(date +%s) >= next_sample )); then SAMPLES+=("$(bench_rss_mb "$PID")"); next_sample=$(( next_sample + 60 )); fi
  started=$(date +%s%N)
  i=$((i + 1))
  code=$(bench_admin_save_figure "$B" "$COOKIES" "$i")
  if [[ "$code" == 303 ]]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  if (( elapsed < 1000 )); then sleep "$(awk -v ms=$((1000 - elapsed)) 'BEGIN{printf "%.3f", ms/1000}')"; fi
done
wait "$WRK_PID" || true # wrk stops by itself after -d
sleep 6 # at rest, as BEFORE was: see run.sh
AFTER=$(bench_rss_mb "$PID")
reqs=$(awk '/requests in/{print $1}' "$WORK/soak-wrk.txt")
read -r rps _ _ errors < <(bench_wrk_summary <"$WORK/soak-wrk.txt")
growth=$(awk -v a="$BEFORE" -v b="$AFTER" 'BEGIN{printf "%+.1f%%", (b-a)*100/a}')
echo
echo "Soak ${SECONDS_TOTAL}s: ${reqs} mixed reads (${rps} req/s, 16 connections), read errors ${errors}; admin edits ${ok} saved, ${failed} failed"
echo "Resident memory at rest before the soak ${BEFORE} MB, after ${AFTER} MB (${growth})"
if ((${#SAMPLES[@]})); then echo "Resident memory under load at each minute of the soak: ${SAMPLES[*]} MB"; fi

#!/usr/bin/env bash
# Soak: mixed reads with wrk for SOAK seconds while an admin saves a figure through the real form
# every second. Prints errors, edits acknowledged, and resident memory before and after.
#   src/bench/soak.sh PORT SERVER_PID SECONDS WORKDIR      (called by src/bench/run.sh)
set -euo pipefail
PORT=$1; PID=$2; SECONDS_TOTAL=$3; WORK=$4
B="http://127.0.0.1:$PORT"
JAR=target/ai-training-dashboard.jar
JAR_DB="$WORK/data/dashboard.db"
PASSWORD="soak-password-$RANDOM$RANDOM"

printf '%s\n' "$PASSWORD" | java -jar "$JAR" admin create --username soak --password-stdin --db "$JAR_DB" >/dev/null 2>&1
JAR_COOKIES="$WORK/soak.cookies"
token() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
csrf=$(curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$B/admin/login" | token)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
  --data-urlencode "username=soak" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$B/admin/login")
[[ "$code" == 303 ]] || { echo "soak: admin login failed ($code)" >&2; exit 1; }

cat >"$WORK/mixed.lua" <<'LUA'
local paths = { "/", "/?lang=en", "/figures/ai-training-attendance", "/figures.csv", "/api/figures",
                "/api/figures/ai-lectures", "/events.csv" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

rss() { ps -o rss= -p "$PID" | awk '{printf "%.0f", $1/1024}'; }
BEFORE=$(rss)
wrk -t2 -c16 -d"${SECONDS_TOTAL}s" -s "$WORK/mixed.lua" "$B" >"$WORK/soak-wrk.txt" 2>&1 &
WRK_PID=$!

ok=0; failed=0
end=$(( $(date +%s) + SECONDS_TOTAL ))
i=0
while (( $(date +%s) < end )); do
  started=$(date +%s%N)
  page=$(curl -fsS -b "$JAR_COOKIES" "$B/admin/figures/ai-lectures")
  csrf=$(token <<<"$page")
  version=$(sed -n 's/.*name="version" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  i=$((i + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "version=$version" --data-urlencode "mode=correction" \
    --data-urlencode "value=$((6 + i % 5))" --data-urlencode "unit=期" --data-urlencode "qualifier=exact" \
    --data-urlencode "qualifier_word=" --data-urlencode "period=2025年以来" --data-urlencode "period_en=2025 year to date" \
    --data-urlencode "as_of=2025-05-19" --data-urlencode "source=晋江经济报" --data-urlencode "source_date=2025-05-19" \
    --data-urlencode "quote=先后举办专题辅导讲座6期" --data-urlencode "label_zh=AI专题辅导讲座" \
    --data-urlencode "label_en=AI lectures" --data-urlencode "reason=soak edit $i" \
    "$B/admin/figures/ai-lectures")
  if [[ "$code" == 303 ]]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  (( elapsed < 1000 )) && sleep "$(awk -v ms=$((1000 - elapsed)) 'BEGIN{printf "%.3f", ms/1000}')"
done
wait "$WRK_PID" || true
sleep 6 # at rest, as BEFORE was: see run.sh
AFTER=$(rss)
reqs=$(awk '/requests in/{print $1}' "$WORK/soak-wrk.txt")
rps=$(awk '/Requests\/sec/{print $2}' "$WORK/soak-wrk.txt")
errors=$(awk '/Socket errors/{gsub(/,/,""); s=$4+$6+$8+$10} /Non-2xx or 3xx/{n=$5} END{print s+n+0}' "$WORK/soak-wrk.txt")
growth=$(awk -v a="$BEFORE" -v b="$AFTER" 'BEGIN{printf "%+.1f%%", (b-a)*100/a}')
echo
echo "Soak ${SECONDS_TOTAL}s: ${reqs} mixed reads (${rps} req/s, 16 connections), read errors ${errors}; admin edits ${ok} saved, ${failed} failed"
echo "Resident memory at rest before the soak ${BEFORE} MB, after ${AFTER} MB (${growth})"

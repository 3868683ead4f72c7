#!/usr/bin/env bash
# Scale: how the dashboard grows from 100 to 10,000 figures (100 observations each, as many events).
#
#   src/bench/scale.sh [--no-build] [SIZES...]        default sizes: 100 1000 10000
#
# For each size: `generate` fills a fresh database, the server starts on it (the README's run
# command, on loopback), is warmed up, and then every measured request is a cold render — a page the
# server has not rendered before (other table pages, other figures), so its response cache does not help:
#   dashboard  median of 20 distinct pages /?fp=N
#   figure     median of 30 distinct figure pages, each with its 100 observations
#   api        GET /api/figures, every figure, streamed
#   csv        GET /figures.csv, every figure, streamed; rows/s; server memory before and after
# and a second line per size:
#   filtered   median of 20 distinct filtered, sorted pages of /figures (category + search + sort: never cached)
#   obs csv    GET /observations.csv, every observation of every figure (n x 100 rows), streamed; rows/s;
#              server memory before and after (it must not grow with the row count)
# Bounded: the server must answer /healthz within 30 s (BENCH_START_TIMEOUT), `generate` gets 15 minutes,
# each request 120 s. Needs JDK 17, Maven, curl. Helpers: src/bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=1
case "${1:-}" in
  -h|--help) bench_usage; exit 0 ;;
  --no-build) BUILD=0; shift ;;
esac
SIZES=("$@"); ((${#SIZES[@]})) || SIZES=(100 1000 10000)
bench_need curl java
((BUILD)) && bench_build
PORT=18180
WORK=$(mktemp -d /tmp/dashboard-scale.XXXXXX)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ms() { curl -s -m 120 -o /dev/null -w '%{time_total}\n' "$1" | awk '{printf "%.2f\n", $1*1000}'; }

printf '%-8s %12s %14s %12s %12s %12s %12s %14s %10s\n' figures "gen (s)" "dashboard ms" "figure ms" "api ms" "api MB" "csv ms" "csv rows/s" "RSS MB"
for n in "${SIZES[@]}"; do
  db="$WORK/scale-$n.db"
  t0=$(date +%s%N)
  timeout 900 java -jar "$BENCH_JAR" generate --db "$db" --figures "$n" --observations 100 --events "$n" >/dev/null 2>&1
  gen=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN{printf "%.1f", ns/1e9}')
  bench_start "$PORT" "$db" "$WORK/server-$n.log"
  # Warm-up: the JIT compiles the render paths (these pages are then cached and not measured again).
  for i in $(seq 1 30); do
    curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/?ep=$i"
    curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/figures/gen-figure-$(printf %07d $(( (i % n) + 1 )))?lang=en"
  done
  pages=$(( (n + 15 + 49) / 50 )); count=$(( pages < 20 ? pages : 20 ))
  dash=$(for i in $(seq 1 "$count"); do ms "http://127.0.0.1:$PORT/?fp=$i&lang=zh"; done | bench_median)
  fig=$(for i in $(seq 1 30); do k=$(( (i * 7919) % n + 1 )); ms "http://127.0.0.1:$PORT/figures/gen-figure-$(printf %07d $k)?lang=zh"; done | bench_median)
  api_out=$(curl -s -m 120 -o /dev/null -w '%{time_total} %{size_download}' "http://127.0.0.1:$PORT/api/figures")
  api=$(awk '{printf "%.0f", $1*1000}' <<<"$api_out"); api_mb=$(awk '{printf "%.1f", $2/1e6}' <<<"$api_out")
  before=$(bench_rss_mb "$BENCH_PID")
  csv_out=$(curl -s -m 120 -w '%{time_total}' -o "$WORK/f.csv" "http://127.0.0.1:$PORT/figures.csv")
  rows=$(( $(wc -l < "$WORK/f.csv") - 1 ))
  csv=$(awk -v t="$csv_out" 'BEGIN{printf "%.0f", t*1000}')
  rate=$(awk -v r="$rows" -v t="$csv_out" 'BEGIN{printf "%.0f", r/t}')
  after=$(bench_rss_mb "$BENCH_PID")
  printf '%-8s %12s %14s %12s %12s %12s %12s %14s %10s\n' "$n" "$gen" "$dash" "$fig" "$api" "$api_mb" "$csv" "$rate" "$before→$after"
  cats=(ai-learning ai-application cadre-training related-course); sorts=(-as_of value -label period)
  for i in $(seq 1 5); do curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/figures?q=$i&sort=-value"; done
  filtered=$(for i in $(seq 1 20); do
      ms "http://127.0.0.1:$PORT/figures?category=${cats[$((i % 4))]}&sort=${sorts[$((i / 4 % 4))]}&q=%E6%8C%87%E6%A0%87$((i * 37))"
    done | bench_median)
  obs_before=$(bench_rss_mb "$BENCH_PID")
  obs_out=$(curl -s -m 600 -w '%{time_total}' -o "$WORK/o.csv" "http://127.0.0.1:$PORT/observations.csv")
  obs_rows=$(( $(wc -l < "$WORK/o.csv") - 1 )); obs_mb=$(awk -v b="$(stat -c %s "$WORK/o.csv")" 'BEGIN{printf "%.0f", b/1e6}')
  obs_after=$(bench_rss_mb "$BENCH_PID"); rm -f "$WORK/o.csv"
  printf '%-8s %14s %12s %12s %14s %10s\n' "$n" "filtered ms" "obs rows" "obs csv s" "obs rows/s" "RSS MB"
  printf '%-8s %14s %12s %12s %14s %10s\n' "$n" "$filtered" "$obs_rows" "$(awk -v t="$obs_out" 'BEGIN{printf "%.1f", t}')" \
    "$(awk -v r="$obs_rows" -v t="$obs_out" 'BEGIN{printf "%.0f", r/t}') ($obs_mb MB)" "$obs_before→$obs_after"
  bench_stop
done
echo "(dashboard and figure: median of cold renders; api and csv: one full download; RSS: server before → after the CSV export)"

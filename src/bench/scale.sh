#!/usr/bin/env bash
# Scale: how the dashboard grows from 100 to 10,000 figures (100 observations each, as many events).
#
#   src/bench/scale.sh [--no-build] [SIZES...]        default sizes: 100 1000 10000
#
# For each size: `generate` fills a fresh database, the server starts on it (the README's run
# command), is warmed up, and then every measured request is a cold render — a page the server has
# not rendered before (other table pages, other figures), so its response cache does not help:
#   dashboard  median of 20 distinct pages /?fp=N
#   figure     median of 30 distinct figure pages, each with its 100 observations
#   api        GET /api/figures, every figure, streamed
#   csv        GET /figures.csv, every figure, streamed; rows/s; server memory before and after
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=1
if [[ "${1:-}" == "--no-build" ]]; then BUILD=0; shift; fi
SIZES=("$@"); ((${#SIZES[@]})) || SIZES=(100 1000 10000)
((BUILD)) && mvn -B -q package -DskipTests
JAR=target/ai-training-dashboard.jar
PORT=18180
WORK=$(mktemp -d /tmp/dashboard-scale.XXXXXX)
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
ms() { curl -s -o /dev/null -w '%{time_total}\n' "$1" | awk '{printf "%.2f\n", $1*1000}'; }
rss() { ps -o rss= -p "$PID" | awk '{printf "%.0f", $1/1024}'; }

printf '%-8s %12s %14s %12s %12s %12s %12s %14s %10s\n' figures "gen (s)" "dashboard ms" "figure ms" "api ms" "api MB" "csv ms" "csv rows/s" "RSS MB"
for n in "${SIZES[@]}"; do
  db="$WORK/scale-$n.db"
  t0=$(date +%s%N)
  java -jar "$JAR" generate --db "$db" --figures "$n" --observations 100 --events "$n" >/dev/null 2>&1
  gen=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN{printf "%.1f", ns/1e9}')
  java -jar "$JAR" --port "$PORT" --db "$db" >"$WORK/server-$n.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.05; done
  # Warm-up: the JIT compiles the render paths (these pages are then cached and not measured again).
  for i in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$PORT/?ep=$i"; curl -s -o /dev/null "http://127.0.0.1:$PORT/figures/gen-figure-$(printf %07d $(( (i % n) + 1 )))?lang=en"; done
  pages=$(( (n + 15 + 49) / 50 )); count=$(( pages < 20 ? pages : 20 ))
  dash=$(for i in $(seq 1 "$count"); do ms "http://127.0.0.1:$PORT/?fp=$i&lang=zh"; done | median)
  fig=$(for i in $(seq 1 30); do k=$(( (i * 7919) % n + 1 )); ms "http://127.0.0.1:$PORT/figures/gen-figure-$(printf %07d $k)?lang=zh"; done | median)
  api_out=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "http://127.0.0.1:$PORT/api/figures")
  api=$(awk '{printf "%.0f", $1*1000}' <<<"$api_out"); api_mb=$(awk '{printf "%.1f", $2/1e6}' <<<"$api_out")
  before=$(rss)
  csv_out=$(curl -s -w '%{time_total}' -o "$WORK/f.csv" "http://127.0.0.1:$PORT/figures.csv")
  rows=$(( $(wc -l < "$WORK/f.csv") - 1 ))
  csv=$(awk -v t="$csv_out" 'BEGIN{printf "%.0f", t*1000}')
  rate=$(awk -v r="$rows" -v t="$csv_out" 'BEGIN{printf "%.0f", r/t}')
  after=$(rss)
  printf '%-8s %12s %14s %12s %12s %12s %12s %14s %10s\n' "$n" "$gen" "$dash" "$fig" "$api" "$api_mb" "$csv" "$rate" "$before→$after"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
echo "(dashboard and figure: median of cold renders; api and csv: one full download; RSS: server before → after the CSV export)"

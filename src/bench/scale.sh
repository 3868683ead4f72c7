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
#   csv        GET /figures.csv, every figure, streamed; rows/s; server memory (RssAnon, see below) before and after
# and a second line per size:
#   filtered   median of 20 distinct filtered, sorted pages of /figures (category + search + sort: never cached;
#              after 40 other views of the same shape as warm-up),
#              and the server's CPU time per page (utime + stime from /proc/PID/stat around those 20
#              requests, divided by 20: unlike wall time it hardly changes when other work shares the machine)
#   obs csv    GET /observations.csv, every observation of every figure (n x 100 rows), streamed; rows/s;
#              served by a second server started with a small heap (-Xmx$BENCH_OBS_HEAP, default 64m, and
#              -XX:+ExitOnOutOfMemoryError): the download is several times that size, so it completes with
#              every row only if nothing keeps rows or bytes; "DIED" otherwise. Memory before and after:
#              heap used after a full GC (jcmd GC.run, GC.heap_info) and the anonymous resident memory
#              (RssAnon). Not RSS: SQLite memory-maps the database file, so RSS also counts the file's
#              pages read (shared with the kernel's cache and reclaimable), which says nothing about rows
#              held. (64m rather than less: the server hashes the first admin's one-time password at
#              start, and an Argon2 hash takes 19 MB.)
# Bounded: the server must answer /healthz within 30 s (BENCH_START_TIMEOUT), `generate` gets 15 minutes,
# each request 120 s (the observations export 600 s). Needs Linux (/proc), JDK 17 (java, jcmd), Maven,
# curl. Helpers: src/bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=1
case "${1:-}" in
  -h|--help) bench_usage; exit 0 ;;
  --no-build) BUILD=0; shift ;;
esac
SIZES=("$@"); ((${#SIZES[@]})) || SIZES=(100 1000 10000)
bench_need curl java jcmd
OBS_HEAP=${BENCH_OBS_HEAP:-64m}
((BUILD)) && bench_build
PORT=18180
WORK=$(mktemp -d /tmp/dashboard-scale.XXXXXX)
trap 'bench_stop; rm -rf "$WORK"' EXIT

ms() { curl -s -m 120 -o /dev/null -w '%{time_total}\n' "$1" | awk '{printf "%.2f\n", $1*1000}'; }
# CPU time the process has used so far (user + system), in ms.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d\n", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
# Heap in use after a full collection, in MB: what the process really keeps.
heap_mb() {
  jcmd "$1" GC.run >/dev/null
  # G1 prints one "garbage-first heap ... used NK" line; the serial collector (the README's run command)
  # a "def new generation" and a "tenured generation" line: their sum.
  jcmd "$1" GC.heap_info | awk '/garbage-first heap|generation +total .* used/{for (i = 1; i < NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?$/, "", v); kb += v}}
    END{printf "%.0f\n", kb / 1024}'
}
rss_anon_mb() { awk '/^RssAnon:/{printf "%.0f\n", $2 / 1024}' "/proc/$1/status"; }

printf '%-8s %12s %14s %12s %12s %12s %12s %14s %10s\n' figures "gen (s)" "dashboard ms" "figure ms" "api ms" "api MB" "csv ms" "csv rows/s" "RssAnon MB"
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
  before=$(rss_anon_mb "$BENCH_PID")
  csv_out=$(curl -s -m 120 -w '%{time_total}' -o "$WORK/f.csv" "http://127.0.0.1:$PORT/figures.csv")
  rows=$(( $(wc -l < "$WORK/f.csv") - 1 ))
  csv=$(awk -v t="$csv_out" 'BEGIN{printf "%.0f", t*1000}')
  rate=$(awk -v r="$rows" -v t="$csv_out" 'BEGIN{printf "%.0f", r/t}')
  after=$(rss_anon_mb "$BENCH_PID")
  printf '%-8s %12s %14s %12s %12s %12s %12s %14s %10s\n' "$n" "$gen" "$dash" "$fig" "$api" "$api_mb" "$csv" "$rate" "$before→$after"
  cats=(ai-learning ai-application cadre-training related-course); sorts=(-as_of value -label period)
  # Warm-up of the filtered page: 40 views of the same shape with other search texts, so the JIT's work
  # is done before the measured 20 (it would otherwise dominate their CPU time).
  for i in $(seq 1 40); do
    curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/figures?category=${cats[$((i % 4))]}&sort=${sorts[$((i / 4 % 4))]}&q=%E6%8C%87%E6%A0%87$((i * 53 + 1))"
  done
  cpu0=$(cpu_ms "$BENCH_PID")
  filtered=$(for i in $(seq 1 20); do
      ms "http://127.0.0.1:$PORT/figures?category=${cats[$((i % 4))]}&sort=${sorts[$((i / 4 % 4))]}&q=%E6%8C%87%E6%A0%87$((i * 37))"
    done | bench_median)
  filtered_cpu=$(awk -v a="$cpu0" -v b="$(cpu_ms "$BENCH_PID")" 'BEGIN{printf "%.1f", (b - a) / 20}')
  bench_stop
  # The observations export on a server with a small heap (see the header).
  default_opts=("${BENCH_JAVA_OPTS[@]}")
  BENCH_JAVA_OPTS+=("-Xmx$OBS_HEAP" -XX:+ExitOnOutOfMemoryError)
  bench_start "$PORT" "$db" "$WORK/server-$n-small-heap.log"
  BENCH_JAVA_OPTS=("${default_opts[@]}")
  # Warm-up: the dashboard, and one figure's history through the same export code
  curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/"
  curl -s -m 120 -o /dev/null "http://127.0.0.1:$PORT/observations.csv?key=gen-figure-0000001"
  heap_before=$(heap_mb "$BENCH_PID"); anon_before=$(rss_anon_mb "$BENCH_PID")
  : >"$WORK/o.csv"
  obs_out=$(curl -s -m 600 -w '%{time_total}' -o "$WORK/o.csv" "http://127.0.0.1:$PORT/observations.csv" || true)
  obs_rows=$(( $(wc -l < "$WORK/o.csv") - 1 )); obs_mb=$(awk -v b="$(stat -c %s "$WORK/o.csv")" 'BEGIN{printf "%.0f", b/1e6}')
  if kill -0 "$BENCH_PID" 2>/dev/null; then
    obs_heap="$heap_before→$(heap_mb "$BENCH_PID")"; obs_anon="$anon_before→$(rss_anon_mb "$BENCH_PID")"
  else
    obs_heap="DIED"; obs_anon="DIED"
  fi
  rm -f "$WORK/o.csv"
  printf '%-8s %14s %12s %12s %12s %20s %14s %16s\n' "$n" "filtered ms" "CPU ms/page" "obs rows" "obs csv s" "obs rows/s" "heap MB (GC'd)" "RssAnon MB"
  printf '%-8s %14s %12s %12s %12s %20s %14s %16s\n' "$n" "$filtered" "$filtered_cpu" "$obs_rows" "$(awk -v t="${obs_out:-0}" 'BEGIN{printf "%.1f", t}')" \
    "$(awk -v r="$obs_rows" -v t="${obs_out:-0}" 'BEGIN{printf "%.0f", (t > 0 ? r / t : 0)}') ($obs_mb MB)" "$obs_heap" "$obs_anon"
  bench_stop
done
echo "(dashboard and figure: median of cold renders; api and csv: one full download; RssAnon: server before → after the CSV export;"
echo " obs csv: on a second server with -Xmx$OBS_HEAP; its heap in use after a full GC and RssAnon, before → after)"

#!/usr/bin/env bash
# Resident memory at rest, compared across JVM option variants, alternating so the machine's drift
# falls on all of them alike.
#
#   src/bench/memory.sh [--no-build] [--first-start] [--rounds N] [--duration S] [--soak S] [-- VARIANT...]
#
# Each VARIANT is a string of JVM options added to the README's run command ("" is the command as it
# is, and the only variant when none is given), e.g.
#   src/bench/memory.sh --no-build --rounds 3 -- "" "-XX:NewRatio=3"
# For each round and variant: a fresh server restarted on a database its first start made (the
# curated data; with --first-start, the server's very first start, which migrates it), the load of src/bench/run.sh
# (wrk -t2 -c32 on each of its routes twice for S seconds, no nginx), then its soak
# (src/bench/soak.sh: mixed reads while an admin saves a figure every second), then 6 s of rest.
# Prints resident memory at rest after the load and after the whole run, per round, and the medians.
#
#   --no-build       use the jar already in target/
#   --first-start    measure the server that creates the database (default: the one restarted on it)
#   --rounds N       rounds (default 3)
#   --duration S     seconds of wrk per route and run (default 6)
#   --soak S         seconds of soak (default 60; 0 skips it)
#
# Needs: JDK 17, Maven, wrk, curl. Only loopback is used. Helpers: src/bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=1; FIRST_START=0; ROUNDS=3; DURATION=6; SOAK=60; VARIANTS=()
while (($#)); do
  case "$1" in
    --no-build) BUILD=0 ;;
    --first-start) FIRST_START=1 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --soak) SOAK="$2"; shift ;;
    -h|--help) bench_usage; exit 0 ;;
    --) shift; VARIANTS=("$@"); break ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
((${#VARIANTS[@]})) || VARIANTS=("")
bench_need wrk curl java
if ((BUILD)); then bench_build; fi

PORT=18082
README_OPTS=("${BENCH_JAVA_OPTS[@]}")
WORK=""
cleanup() {
  bench_stop
  [[ -z "$WORK" || -n "${KEEP_BENCH:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

declare -A AFTER_LOAD AFTER_ALL
printf 'Resident memory at rest (MB), %s round(s), wrk -c32 %ss per route, soak %ss, %s; %s\n\n' "$ROUNDS" "$DURATION" "$SOAK" \
  "$( ((FIRST_START)) && echo "the server's first start" || echo "a server restarted on its database")" "$(date -u '+%F %H:%M UTC')"
for ((round = 1; round <= ROUNDS; round++)); do
  for v in "${!VARIANTS[@]}"; do
    variant=${VARIANTS[$v]}
    read -r -a extra <<<"$variant"
    BENCH_JAVA_OPTS=("${README_OPTS[@]}" "${extra[@]}")
    WORK=$(mktemp -d /tmp/dashboard-memory.XXXXXX)
    if ((!FIRST_START)); then bench_first_start "$PORT" "$WORK/data/dashboard.db" "$WORK/server.log"; fi
    bench_start "$PORT" "$WORK/data/dashboard.db" "$WORK/server.log"
    B="http://127.0.0.1:$PORT"
    etag=$(bench_etag "$B/")
    for route in "${BENCH_ROUTES[@]}"; do
      wrk -t2 -c32 -d"${DURATION}s" "$B$route" >/dev/null
      wrk -t2 -c32 -d"${DURATION}s" "$B$route" >/dev/null
    done
    wrk -t2 -c32 -d"${DURATION}s" -H "If-None-Match: $etag" "$B/" >/dev/null
    wrk -t2 -c32 -d"${DURATION}s" -H "If-None-Match: $etag" "$B/" >/dev/null
    sleep 6 # at rest: the server collects and trims once traffic stops (see README, "Performance")
    load=$(bench_rss_mb "$BENCH_PID")
    if ((SOAK > 0)); then src/bench/soak.sh "$PORT" "$BENCH_PID" "$SOAK" "$WORK" >"$WORK/soak.txt"; fi
    all=$(bench_rss_mb "$BENCH_PID")
    AFTER_LOAD[$v]+="$load "; AFTER_ALL[$v]+="$all "
    printf 'round %d  %-40s after the load %4s   after the whole run %4s\n' "$round" "${variant:-(the README command)}" "$load" "$all"
    bench_stop
    rm -rf "$WORK"; WORK=""
  done
done
echo
for v in "${!VARIANTS[@]}"; do
  printf 'median  %-40s after the load %4s   after the whole run %4s\n' "${VARIANTS[$v]:-(the README command)}" \
    "$(tr ' ' '\n' <<<"${AFTER_LOAD[$v]}" | sed '/^$/d' | bench_median)" \
    "$(tr ' ' '\n' <<<"${AFTER_ALL[$v]}" | sed '/^$/d' | bench_median)"
done

#!/usr/bin/env bash
# Abuse: what /healthz and / do while the server is attacked (issue 9's cases), loopback only.
#
#   src/bench/abuse.sh [--no-build] [--running PORT] [--connections N] [--slow-seconds S]
#                      [--logins N] [--flood-from A] [--flood-to B] [--wrk-seconds S]
#                      [--admin-user NAME --admin-password PW] [--target-user NAME]
#
# Cases, in this order (the login burst last: it locks the target name, and maybe the address):
#   idle        5 s of sampling at rest, for reference
#   slow-body   N connections (default 1000) POST /admin/login with Content-Length: 100000 and send
#               one byte per second each for S seconds (default 60), with the anonymous session
#               cookie of GET /admin/login; reports how many the server answered or dropped
#   cache-flood / measured with wrk (W s, 32 connections) while cached; then an admin save (a new data
#               version empties the response cache), GET /?fp=A ... /?fp=B (default 100002 ... 101400,
#               page numbers past the end) one by one, and / measured again with wrk
#   logins      N (default 60) simultaneous wrong passwords for one name: answers 401 (checked)
#               against 429 (refused by the throttle)
# Meanwhile a sampler sends GET /healthz and GET / every 100 ms on new connections (10 s timeout)
# and prints samples, p50/p99/max latency (errors included, a timeout counts as 10 s) and errors
# (timeouts, refused connections, non-200). During the flood only /healthz is sampled: a request
# for / would put the page back into the cache and hide what the flood did.
#
#   --no-build              use the jar already in target/
#   --running PORT          attack the server already listening on 127.0.0.1:PORT instead of starting
#                           one; give --admin-user/--admin-password for the save before the flood
#                           (else the flood runs without it) and --target-user for the login burst
#                           (default admin: that name is then locked out for 15 minutes)
#   --connections N, --slow-seconds S, --logins N, --flood-from A, --flood-to B, --wrk-seconds W
#
# Without --running: builds the jar, starts it on a fresh temporary database on 127.0.0.1:18280,
# creates two admins (one saves, one is guessed at) and stops it at the end. Every loop is bounded
# in count and time; each case stops by itself (and is killed by `timeout` if it does not).
# Needs: JDK 17, Maven, python3, wrk, curl. Helpers: src/bench/lib.sh, src/bench/abuse_client.py.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=1; RUNNING=""; CONNECTIONS=1000; SLOW_SECONDS=60; LOGINS=60; FLOOD_FROM=100002; FLOOD_TO=101400
WRK_SECONDS=10; ADMIN_USER=""; ADMIN_PASSWORD=""; TARGET_USER=""
while (($#)); do
  case "$1" in
    --no-build) BUILD=0 ;;
    --running) RUNNING="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --slow-seconds) SLOW_SECONDS="$2"; shift ;;
    --logins) LOGINS="$2"; shift ;;
    --flood-from) FLOOD_FROM="$2"; shift ;;
    --flood-to) FLOOD_TO="$2"; shift ;;
    --wrk-seconds) WRK_SECONDS="$2"; shift ;;
    --admin-user) ADMIN_USER="$2"; shift ;;
    --admin-password) ADMIN_PASSWORD="$2"; shift ;;
    --target-user) TARGET_USER="$2"; shift ;;
    -h|--help) bench_usage; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
bench_need python3 wrk curl java
for n in "$CONNECTIONS" "$SLOW_SECONDS" "$LOGINS" "$FLOOD_FROM" "$FLOOD_TO" "$WRK_SECONDS" ${RUNNING:+"$RUNNING"}; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a number: $n" >&2; exit 2; }
done
(( CONNECTIONS <= 5000 && LOGINS <= 500 && SLOW_SECONDS <= 600 && WRK_SECONDS <= 120 \
   && FLOOD_TO >= FLOOD_FROM && FLOOD_TO - FLOOD_FROM < 20000 )) \
  || { echo "limits: connections <= 5000, logins <= 500, slow-seconds <= 600, wrk-seconds <= 120, flood range < 20000" >&2; exit 2; }

WORK=$(mktemp -d /tmp/dashboard-abuse.XXXXXX)
PROBE_PID=""
cleanup() {
  [[ -n "$PROBE_PID" ]] && kill "$PROBE_PID" 2>/dev/null
  bench_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
CLIENT=(python3 src/bench/abuse_client.py)

if [[ -n "$RUNNING" ]]; then
  PORT=$RUNNING
  bench_wait_healthy "$PORT" 10
  TARGET_USER=${TARGET_USER:-admin}
else
  ((BUILD)) && bench_build
  PORT=18280
  bench_start "$PORT" "$WORK/dashboard.db" "$WORK/server.log"
  ADMIN_USER=bench-admin; ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM$RANDOM"
  TARGET_USER=bench-target
  bench_admin_create "$WORK/dashboard.db" "$ADMIN_USER" "$ADMIN_PASSWORD"
  bench_admin_create "$WORK/dashboard.db" "$TARGET_USER" "bench-target-$RANDOM$RANDOM$RANDOM"
fi
B="http://127.0.0.1:$PORT"
COOKIES="$WORK/admin.cookies"
if [[ -n "$ADMIN_USER" ]]; then
  # signed in before anything else, so the login burst at the end cannot lock this session out
  bench_admin_login "$B" "$COOKIES" "$ADMIN_USER" "$ADMIN_PASSWORD" || ADMIN_USER=""
fi

# probe_start LABEL MAX_SECONDS PATH... returns once sampling runs; probe_stop ends it and prints its
# report (the sampler waits at most its 10 s timeout + 5 s for answers still under way).
probe_start() {
  local label=$1 max=$2
  shift 2
  rm -f "$WORK/probe.stop" "$WORK/probe.ready"
  timeout $((max + 60)) "${CLIENT[@]}" probe --port "$PORT" --seconds "$max" --label "$label" \
    --stop-file "$WORK/probe.stop" --ready-file "$WORK/probe.ready" "$@" >"$WORK/probe.out" &
  PROBE_PID=$!
  local i
  for i in $(seq 1 300); do # python can take seconds to start on a loaded machine: wait up to 30 s
    [[ -e "$WORK/probe.ready" ]] && return 0
    sleep 0.1
  done
  echo "  (the sampler did not start within 30 s)"
}
probe_stop() {
  touch "$WORK/probe.stop"
  wait "$PROBE_PID" || true
  PROBE_PID=""
  cat "$WORK/probe.out"
}
wrk_root() { # label
  local rps p50 p99 errors
  read -r rps p50 p99 errors < <(wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency "$B/" | bench_wrk_summary)
  printf '  %-40s %8.0f req/s   p50 %8s ms   p99 %8s ms   errors %s\n' "$1" "$rps" "$p50" "$p99" "$errors"
}

echo "Abuse of $B, $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), $(date -u "+%F %H:%M UTC")"
echo
wrk -t2 -c8 -d3s "$B/" >/dev/null # warm-up: the first renders compile the page's code paths
echo "idle (5 s):"
probe_start idle 5 /healthz /
sleep 5
probe_stop

echo
echo "slow-body: $CONNECTIONS connections x 1 byte/s for $SLOW_SECONDS s:"
probe_start slow-body $((SLOW_SECONDS + 40)) /healthz /
timeout $((SLOW_SECONDS + 60)) "${CLIENT[@]}" slow-body --port "$PORT" --connections "$CONNECTIONS" --seconds "$SLOW_SECONDS" \
  | sed 's/^/  /' || echo "  slow-body client failed or was stopped"
probe_stop
bench_wait_healthy "$PORT" 60 || echo "  (the server did not recover within 60 s)"

echo
echo "cache-flood: /?fp=$FLOOD_FROM ... /?fp=$FLOOD_TO:"
curl -s -m 10 -o /dev/null "$B/" # cached now
wrk_root "/ before (cached), wrk ${WRK_SECONDS}s -c32:"
if [[ -n "$ADMIN_USER" ]]; then
  code=$(bench_admin_save_figure "$B" "$COOKIES" 1)
  echo "  admin save (new data version, response cache emptied): HTTP $code"
else
  echo "  (no admin credentials: flood without a save first)"
fi
probe_start flood 900 /healthz
timeout 900 "${CLIENT[@]}" flood --port "$PORT" --from "$FLOOD_FROM" --to "$FLOOD_TO" | sed 's/^/  /' \
  || echo "  flood client failed or was stopped"
probe_stop
probe_start after-flood $((WRK_SECONDS + 10)) /healthz /
wrk_root "/ after the flood, wrk ${WRK_SECONDS}s -c32:"
probe_stop

echo
echo "logins: $LOGINS simultaneous wrong passwords for '$TARGET_USER':"
probe_start logins 300 /healthz /
timeout 300 "${CLIENT[@]}" logins --port "$PORT" --user "$TARGET_USER" --count "$LOGINS" | sed 's/^/  /' \
  || echo "  logins client failed or was stopped"
probe_stop

if [[ -z "$RUNNING" ]]; then
  echo
  echo "server: resident memory $(bench_rss_mb "$BENCH_PID") MB; log lines $(wc -l <"$WORK/server.log"), of which ERROR $(grep -c ERROR "$WORK/server.log" || true)"
fi

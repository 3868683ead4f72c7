#!/usr/bin/env bash
# Cluster benchmark: nginx (upstream, round robin) in front of two server processes on one database,
# against nginx in front of one of them.
#
#   src/bench/cluster.sh [--no-build] [--duration S] [--connections N] [--edits N] [--soak S] [DB]
#
# DB is the database both servers use, as `--db` takes it: a SQLite file (default: a fresh one in a
# temporary folder, migrated from sql/ on the first start) or, once the server speaks PostgreSQL, a
# JDBC URL (the password then comes from DASHBOARD_DB_PASSWORD, as for the server). An existing
# database gets an admin account "cluster-bench" (created or reset) and its figure ai-lectures edited.
#
# 1. Reads: wrk, N connections (default 32), S seconds (default 10) per route, through nginx with one
#    upstream server and with two: requests/s, p50, p99, errors.
# 2. Freshness: E edits (default 50) saved through server A's form; after each acknowledgement, server
#    B is asked until its ETag for the figure's page changes: the delay, max and median.
# 3. Kill -9: a soak of S seconds (default 20) through nginx (two upstreams): wrk reads at 8
#    connections and one admin saving the figure in a loop; halfway through, server B is killed with
#    SIGKILL. Then: edits acknowledged (303) and how many of them are missing from the audit log (must
#    be 0), client errors (only requests in flight on B may fail: nginx retries a GET on A, never a
#    POST), and whether A kept serving (edits acknowledged after the kill, /healthz through nginx).
#
#   --no-build      use the jar already in target/
#   --duration S    seconds of wrk per route and setup (default 10)
#   --connections N wrk connections for the read test (default 32)
#   --edits N       edits for the freshness test (default 50)
#   --soak S        seconds of the kill -9 soak (default 20)
#
# Needs: JDK 17, Maven, nginx, wrk, curl (apt-get install -y nginx wrk curl). Only loopback is used.
# Every wait is bounded. The two servers and nginx share this machine's cores: on a small machine the
# two-server numbers measure the cost of more processes, not the gain of more machines.
# Helpers: src/bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=1; DURATION=10; CONNECTIONS=32; EDITS=50; SOAK=20; DB=""
while (($#)); do
  case "$1" in
    --no-build) BUILD=0 ;;
    --duration) DURATION="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --edits) EDITS="$2"; shift ;;
    --soak) SOAK="$2"; shift ;;
    -h|--help) bench_usage; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) DB="$1" ;;
  esac
  shift
done
bench_need nginx wrk curl java

A_PORT=18090; B_PORT=18091; TWO_PORT=18092; ONE_PORT=18093
WORK=$(mktemp -d /tmp/dashboard-cluster.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
[[ -n "$DB" ]] || DB="$WORK/data/dashboard.db"
A_PID=""; B_PID=""; NGINX_STARTED=0; BG_PIDS=()
cleanup() {
  local pid
  for pid in "${BG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  bench_stop "$B_PID"
  bench_stop "$A_PID"
  ((NGINX_STARTED)) && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  [[ -n "${KEEP_BENCH:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

if ((BUILD)); then bench_build; fi

USER_NAME=cluster-bench
PASSWORD="cluster-password-$RANDOM$RANDOM"
# The first server creates and migrates a new database; the admin is added once it exists.
bench_start "$A_PORT" "$DB" "$WORK/server-a.log" --behind-proxy --access-log "$WORK/access-a.log"
A_PID=$BENCH_PID
bench_start "$B_PORT" "$DB" "$WORK/server-b.log" --behind-proxy --access-log "$WORK/access-b.log"
B_PID=$BENCH_PID
bench_admin_create "$DB" "$USER_NAME" "$PASSWORD" || { echo "cannot create the admin in $DB" >&2; exit 1; }

# Caching headers are the app's (ETag, Cache-Control): nginx passes them through and caches nothing.
mkdir -p "$WORK/tmp"
proxy_settings() {
  cat <<CONF
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Request-Id \$request_id;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
CONF
}
cat >"$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  upstream two { server 127.0.0.1:$A_PORT max_fails=1 fail_timeout=5s; server 127.0.0.1:$B_PORT max_fails=1 fail_timeout=5s; keepalive 32; }
  upstream one { server 127.0.0.1:$A_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$TWO_PORT;
    location / {
      proxy_pass http://two;
$(proxy_settings)
    }
  }
  server {
    listen 127.0.0.1:$ONE_PORT;
    location / {
      proxy_pass http://one;
$(proxy_settings)
    }
  }
}
NGINX
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=1
bench_wait_healthy "$TWO_PORT" 10
bench_wait_healthy "$ONE_PORT" 10

# ---- 1. reads ---------------------------------------------------------------------------------
ROUTES=("/" "/figures/ai-training-attendance" "/api/figures")
# Warm-up: each page rendered once by each server (a cold render takes seconds on a loaded machine,
# longer than wrk waits), then the JIT.
for route in "${ROUTES[@]}"; do
  # through each nginx (kept per origin, as pages carry absolute links), twice for both upstreams
  for port in "$ONE_PORT" "$TWO_PORT" "$TWO_PORT"; do curl -fsS -m 120 -o /dev/null "http://127.0.0.1:$port$route" || true; done
done
for port in "$ONE_PORT" "$TWO_PORT"; do
  for route in "${ROUTES[@]}"; do wrk -t2 -c"$CONNECTIONS" -d3s --timeout 10s "http://127.0.0.1:$port$route" >/dev/null || true; done
done
printf '\nReads: wrk -t2 -c%s -d%ss per route through nginx; %s cores; %s; database %s\n\n' \
  "$CONNECTIONS" "$DURATION" "$(nproc)" "$(date -u +%F)" "$DB"
printf '%-34s %12s %10s %10s %10s %6s\n' route setup "req/s" "p50 ms" "p99 ms" "errors"
for r in "${!ROUTES[@]}"; do
  route=${ROUTES[$r]}
  for setup in one two; do
    port=$ONE_PORT; [[ $setup == two ]] && port=$TWO_PORT
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "http://127.0.0.1:$port$route" >"$WORK/wrk-$r-$setup.txt" 2>&1 || true
    read -r rps p50 p99 errors < <(bench_wrk_summary <"$WORK/wrk-$r-$setup.txt")
    label="1 server"; [[ $setup == two ]] && label="2 servers"
    printf '%-34s %12s %10s %10s %10s %6s\n' "$route" "$label" "$rps" "$p50" "$p99" "$errors"
  done
done

# ---- 2. freshness: an edit on A, served by B ---------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
etag_of() { # URL
  curl -sS -m "$BENCH_CURL_TIMEOUT" -D - -o /dev/null "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'
}
COOKIES_A="$WORK/a.cookies"
bench_admin_login "http://127.0.0.1:$A_PORT" "$COOKIES_A" "$USER_NAME" "$PASSWORD"
PAGE_B="http://127.0.0.1:$B_PORT/figures/ai-lectures?lang=en"
: >"$WORK/delays.txt"
for i in $(seq 1 "$EDITS"); do
  before=$(etag_of "$PAGE_B" || true)
  status=$(bench_admin_save_figure "http://127.0.0.1:$A_PORT" "$COOKIES_A" "$i" || true)
  saved=$(now_ms)
  [[ "$status" == 303 ]] || { echo "edit $i on A answered $status" >&2; continue; }
  while :; do
    tag=$(etag_of "$PAGE_B" || true)
    if [[ -n "$tag" && "$tag" != "$before" ]]; then echo $(( $(now_ms) - saved )) >>"$WORK/delays.txt"; break; fi
    if (( $(now_ms) - saved > 10000 )); then echo "B did not serve edit $i within 10 s" >&2; echo 10000 >>"$WORK/delays.txt"; break; fi
  done
done
printf '\nFreshness: %s edits saved on A; delay until B served the new version (ms): max %s, median %s, p90 %s (%s measured)\n' \
  "$EDITS" "$(bench_percentile 100 <"$WORK/delays.txt")" "$(bench_median <"$WORK/delays.txt")" \
  "$(bench_percentile 90 <"$WORK/delays.txt")" "$(wc -l <"$WORK/delays.txt")"

# ---- 3. kill -9 of B during a soak with edits --------------------------------------------------
NGX="http://127.0.0.1:$TWO_PORT"
COOKIES_N="$WORK/n.cookies"
bench_admin_login "$NGX" "$COOKIES_N" "$USER_NAME" "$PASSWORD"
cat >"$WORK/mixed.lua" <<'LUA'
local paths = { "/", "/?lang=en", "/figures/ai-training-attendance", "/figures.csv", "/api/figures", "/api/figures/ai-lectures" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
wrk -t2 -c8 -d"${SOAK}s" --timeout 10s --latency -s "$WORK/mixed.lua" "$NGX" >"$WORK/soak-wrk.txt" 2>&1 &
BG_PIDS+=($!)
WRK_PID=$!
: >"$WORK/acked.txt"; : >"$WORK/edit-errors.txt"
start=$(now_ms); end=$(( start + SOAK * 1000 )); n=100000
# B dies halfway through, whatever the edit loop is doing at that moment.
( sleep "$(( SOAK / 2 ))"; echo $(( $(date +%s%N) / 1000000 )) >"$WORK/killed-at"; kill -KILL "$B_PID" ) &
KILLER_PID=$!
BG_PIDS+=("$KILLER_PID")
while (( $(now_ms) < end )); do
  n=$((n + 1))
  status=$(bench_admin_save_figure "$NGX" "$COOKIES_N" "$n" || true)
  case "$status" in
    303) echo "$n $(now_ms)" >>"$WORK/acked.txt" ;;
    409) ;;  # a newer version than the form read: refused as designed, not an error
    *) echo "$n $(now_ms) $status" >>"$WORK/edit-errors.txt" ;;
  esac
done
wait "$KILLER_PID" 2>/dev/null || true
wait "$WRK_PID" 2>/dev/null || true
wait "$B_PID" 2>/dev/null || true
B_PID=""
killed_at=$(cat "$WORK/killed-at")

# Every acknowledged edit must be in the audit log (reason "bench edit N"), read through the survivor.
curl -fsS -m 60 -b "$COOKIES_A" "http://127.0.0.1:$A_PORT/admin/audit.csv" -o "$WORK/audit.csv"
lost=0
while read -r n _; do
  grep -q "bench edit $n\"" "$WORK/audit.csv" || { lost=$((lost + 1)); echo "acknowledged edit $n is not in the audit log" >&2; }
done <"$WORK/acked.txt"
acked=$(wc -l <"$WORK/acked.txt")
acked_after=$(awk -v k="$killed_at" '$2 > k' "$WORK/acked.txt" | wc -l)
edit_errors=$(wc -l <"$WORK/edit-errors.txt")
read -r srps sp50 sp99 serrors < <(bench_wrk_summary <"$WORK/soak-wrk.txt")
survivor=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$NGX/healthz")
printf '\nKill -9: %s s soak through nginx (2 upstreams), B killed after %s s\n' "$SOAK" "$(( (killed_at - start) / 1000 ))"
printf '  edits acknowledged: %s (%s after the kill); acknowledged edits missing from the audit log: %s\n' "$acked" "$acked_after" "$lost"
printf '  edit errors: %s %s\n' "$edit_errors" "$(awk '{print $3}' "$WORK/edit-errors.txt" | sort | uniq -c | tr '\n' ' ')"
printf '  reads: %s req/s, p50 %s ms, p99 %s ms, errors %s\n' "$srps" "$sp50" "$sp99" "$serrors"
printf '  survivor: /healthz through nginx after the soak: %s\n' "$survivor"
(( lost == 0 )) || { echo "FAIL: acknowledged edits were lost" >&2; exit 1; }
(( acked_after > 0 )) && [[ "$survivor" == 200 ]] || { echo "FAIL: the survivor stopped serving" >&2; exit 1; }

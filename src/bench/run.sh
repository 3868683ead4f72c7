#!/usr/bin/env bash
# Load benchmark: our server side by side with nginx serving the same bytes as static files.
#
#   src/bench/run.sh [--no-build] [--duration SECONDS] [--connections N] [--soak SECONDS]
#
# Builds the jar, starts the server (the README's run command) on a fresh copy of the curated
# database, stops it and starts it again on that database (as a server runs but for its very first
# start), saves the dashboard's HTML, CSV and JSON (and a chart's page and CSV, and a filtered table) as static files and serves them from nginx on
# another loopback port: the ceiling for serving those exact bytes on this machine. Then wrk loads
# both in alternation (ours, nginx, ours, nginx: the better of two each), same connections and duration, and one table is printed. Also measures
# cold start to /healthz and to / (median of 5), throughput in the first 10 s after start against the
# steady state, resident memory, and a soak of mixed reads with an admin edit every second.
#
#   --no-build          use the jar already in target/
#   --duration S        seconds of wrk per route and server (default 10)
#   --connections N     wrk connections (default 32)
#   --soak S            seconds of soak (src/bench/soak.sh); 0 skips it (default 60)
#
# Needs: JDK 17, Maven, nginx, wrk, curl (apt-get install -y nginx wrk curl). Only loopback is used.
# Every wait is bounded: the server must answer /healthz within 30 s (BENCH_START_TIMEOUT) or the run
# stops with a message. Helpers: src/bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BUILD=1; DURATION=10; CONNECTIONS=32; SOAK=60
while (($#)); do
  case "$1" in
    --no-build) BUILD=0 ;;
    --duration) DURATION="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --soak) SOAK="$2"; shift ;;
    -h|--help) bench_usage; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
bench_need nginx wrk curl java

OURS_PORT=18080; NGINX_PORT=18081
WORK=$(mktemp -d /tmp/dashboard-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
NGINX_STARTED=0
cleanup() {
  bench_stop
  ((NGINX_STARTED)) && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  [[ -n "${KEEP_BENCH:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT

if ((BUILD)); then bench_build; fi

# The README's run command (on loopback), restarted on a database its first start made (migrated
# from sql/: the curated data).
bench_first_start "$OURS_PORT" "$WORK/data/dashboard.db" "$WORK/server.log"
bench_start "$OURS_PORT" "$WORK/data/dashboard.db" "$WORK/server.log"
SERVER_PID=$BENCH_PID

# The exact bytes of each route, as static files for nginx.
mkdir -p "$WORK/www"
B="http://127.0.0.1:$OURS_PORT"
curl -fsS -m 30 "$B/?lang=zh" -o "$WORK/www/index-zh.html"
curl -fsS -m 30 "$B/?lang=en" -o "$WORK/www/index-en.html"
curl -fsS -m 30 "$B/figures/ai-training-attendance?lang=zh" -o "$WORK/www/figure.html"
curl -fsS -m 30 "$B/figures.csv" -o "$WORK/www/figures.csv"
curl -fsS -m 30 "$B/api/figures" -o "$WORK/www/figures.json"
curl -fsS -m 30 "$B/charts/reach?lang=zh" -o "$WORK/www/chart.html"
curl -fsS -m 30 "$B$BENCH_FILTERED" -o "$WORK/www/filtered.html"
curl -fsS -m 30 "$B/charts/reach.csv" -o "$WORK/www/chart.csv"
OUR_ETAG=$(bench_etag "$B/")

cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; text/csv csv; application/json json; }
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  map \$arg_lang \$index { default /index-zh.html; en /index-en.html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location = / { try_files \$index =404; }
    location = /figures/ai-training-attendance { try_files /figure.html =404; }
    location = /figures.csv { try_files /figures.csv =404; }
    location = /api/figures { default_type application/json; try_files /figures.json =404; }
    location = /charts/reach { default_type text/html; try_files /chart.html =404; }
    location = /figures { default_type text/html; try_files /filtered.html =404; }
    location = /charts/reach.csv { try_files /chart.csv =404; }
  }
}
NGINX
mkdir -p "$WORK/tmp"
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=1
NGINX_ETAG=$(bench_etag "http://127.0.0.1:$NGINX_PORT/")

# wrk: requests/s, p50 and p99 latency in ms, errors (socket errors + responses neither 2xx nor 3xx).
run_wrk() { # url [header]
  if [[ -n "${2:-}" ]]; then wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$2" "$1" | bench_wrk_summary
  else wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | bench_wrk_summary; fi
}

ROUTES=("${BENCH_ROUTES[@]}" "304 /")
# Warm-up: let the JIT compile the hot paths of every route before anything is measured.
for route in "${BENCH_ROUTES[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$OURS_PORT$route" >/dev/null
done
wrk -t2 -c"$CONNECTIONS" -d3s -H "If-None-Match: $OUR_ETAG" "http://127.0.0.1:$OURS_PORT/" >/dev/null
printf '\nLoad: wrk -t2 -c%s -d%ss per route, ours and nginx alternating, best of two each; %s cores; %s\n\n' "$CONNECTIONS" "$DURATION" "$(nproc)" "$(date -u +%F)"
printf '%-34s %10s %10s %6s %9s %9s %9s %9s %7s\n' route "ours r/s" "nginx r/s" ratio "ours p50" "ours p99" "ngx p50" "ngx p99" errors
# best2 RUN RUN: the better of two wrk summaries (by req/s), with that run's latencies; errors of both added.
best2() {
  awk -v a="$1" -v b="$2" 'BEGIN{ split(a, x, " "); split(b, y, " "); e = x[4] + y[4];
    if (y[1] + 0 > x[1] + 0) print y[1], y[2], y[3], e; else print x[1], x[2], x[3], e }'
}
for route in "${ROUTES[@]}"; do
  if [[ "$route" == "304 /" ]]; then
    o1=$(run_wrk "http://127.0.0.1:$OURS_PORT/" "If-None-Match: $OUR_ETAG"); n1=$(run_wrk "http://127.0.0.1:$NGINX_PORT/" "If-None-Match: $NGINX_ETAG")
    o2=$(run_wrk "http://127.0.0.1:$OURS_PORT/" "If-None-Match: $OUR_ETAG"); n2=$(run_wrk "http://127.0.0.1:$NGINX_PORT/" "If-None-Match: $NGINX_ETAG")
    label="/ (If-None-Match -> 304)"
  else
    o1=$(run_wrk "http://127.0.0.1:$OURS_PORT$route"); n1=$(run_wrk "http://127.0.0.1:$NGINX_PORT$route")
    o2=$(run_wrk "http://127.0.0.1:$OURS_PORT$route"); n2=$(run_wrk "http://127.0.0.1:$NGINX_PORT$route")
    label="$route"
    [[ "$route" == "$BENCH_FILTERED" ]] && label="/figures?category=…&sort=…&q=…"
  fi
  read -r ors op50 op99 oerr < <(best2 "$o1" "$o2")
  read -r nrs np50 np99 nerr < <(best2 "$n1" "$n2")
  ratio=$(awk -v a="$ors" -v b="$nrs" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "?" }')
  printf '%-34s %10.0f %10.0f %6s %9s %9s %9s %9s %7s\n' "$label" "$ors" "$nrs" "$ratio" "$op50" "$op99" "$np50" "$np99" "$((oerr + nerr))"
done
echo "(the filtered table is rendered per request, never cached; nginx serves a saved copy of it)"
check_304=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H "If-None-Match: $OUR_ETAG" "http://127.0.0.1:$OURS_PORT/")
echo "(conditional GET of / answers $check_304)"

# Resident memory is read at rest, 6 s after the load stops: long enough for the server's memory
# governor (3 s period) to collect and give back heap that the burst made it take.
sleep 6
RSS_AFTER_LOAD=$(bench_rss_mb "$SERVER_PID")
echo
echo "Resident memory of the server at rest after the load: ${RSS_AFTER_LOAD} MB"

# Soak: mixed reads for $SOAK s with an admin edit every second (when the admin area is present).
if ((SOAK > 0)) && [[ -x src/bench/soak.sh ]]; then
  src/bench/soak.sh "$OURS_PORT" "$SERVER_PID" "$SOAK" "$WORK"
fi

if ((SOAK > 0)); then
  sleep 6
  echo "Resident memory at rest after the whole benchmark: $(bench_rss_mb "$SERVER_PID") MB"
fi

# Cold start: process start to the first 200 on /healthz, then to the first 200 on / (asked the
# moment /healthz answers), on the existing database; median of 5.
bench_stop
starts=(); pages=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  BENCH_POLL=0.005 bench_start "$OURS_PORT" "$WORK/data/dashboard.db" "$WORK/server.log"
  t1=$(date +%s%N)
  curl -fsS -m 30 -o /dev/null "$B/"
  t2=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 ))); pages+=($(( (t2 - t0) / 1000000 )))
  bench_stop
done
echo
echo "Cold start to first 200 on /healthz (existing database), 5 runs: ${starts[*]} ms; median $(printf '%s\n' "${starts[@]}" | bench_median) ms"
echo "Cold start to first 200 on /        (existing database), 5 runs: ${pages[*]} ms; median $(printf '%s\n' "${pages[@]}" | bench_median) ms"

# The first seconds: wrk on / started the moment a fresh process answers /healthz, for 10 s; then
# 20 s more of load to warm up, and 10 s of steady state to compare with.
BENCH_POLL=0.005 bench_start "$OURS_PORT" "$WORK/data/dashboard.db" "$WORK/server.log"
read -r first _ _ ferr < <(wrk -t2 -c"$CONNECTIONS" -d10s --latency "$B/" | bench_wrk_summary)
wrk -t2 -c"$CONNECTIONS" -d20s "$B/" >/dev/null
read -r steady _ _ serr < <(wrk -t2 -c"$CONNECTIONS" -d10s --latency "$B/" | bench_wrk_summary)
bench_stop
echo "Throughput on / in the first 10 s after start: ${first} req/s; steady state (after 30 s of load): ${steady} req/s;" \
  "ratio $(awk -v a="$first" -v b="$steady" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "?" }') (errors $((ferr + serr)))"
echo "(load average during the run: $(cut -d' ' -f1-3 /proc/loadavg))"

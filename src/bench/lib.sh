# shellcheck shell=bash
# Shared helpers of the benchmark scripts in src/bench/ (run.sh, scale.sh, soak.sh, abuse.sh).
# Source it, don't run it:   . "$(dirname "$0")/lib.sh"
#
# Sourcing moves to the repository root (every path below is relative to it) and defines:
#   BENCH_JAR                              the jar the README's run command starts
#   BENCH_JAVA_OPTS                        the README's JVM options: the class-data-sharing archive that
#                                          `mvn package` writes beside the jar (ignored if missing or stale),
#                                          the serial collector on a heap that starts at 16 MB (a quarter of
#                                          it young) and shrinks at once when collected at rest, the C heap
#                                          trimmed every 5 s (and bench_start
#                                          sets MALLOC_ARENA_MAX=2, as the run command does); plus
#                                          $BENCH_JAVA_EXTRA, options to try (empty by default)
#   BENCH_ROUTES                           the public routes run.sh compares with nginx (memory.sh loads the
#                                          same): the kept representations and BENCH_FILTERED, a filtered
#                                          table rendered per request
#   bench_usage                            print the calling script's header comment (its --help)
#   bench_need TOOL...                     exit 2 with an install hint if a tool is missing
#   bench_build                            mvn package without tests
#   bench_start PORT DB LOG [ARGS...]      start the jar on 127.0.0.1:PORT with database DB, output to LOG;
#                                          sets BENCH_PID and returns once /healthz answers 200
#   bench_first_start PORT DB LOG          make DB as the server's first start does (migrations, the
#                                          initial admin), then stop it: the benchmarks measure a server
#                                          restarted on its database, as it runs but for its very first start
#   bench_wait_healthy PORT [SECONDS] [PID]  poll /healthz until 200: at most SECONDS (default
#                                          $BENCH_START_TIMEOUT = 30), and stop early if PID exits; fails
#                                          with a message either way. Poll interval $BENCH_POLL (0.025 s).
#   bench_stop [PID]                       SIGTERM, wait up to 15 s, then SIGKILL (default: BENCH_PID)
#   bench_rss_mb PID                       resident memory in MB
#   bench_etag URL                         the ETag the URL answers with
#   bench_percentile P                     nearest-rank P-th percentile of the numbers on stdin
#   bench_median                           median of the numbers on stdin (mean of the middle two)
#   bench_to_ms VALUE                      wrk's 350.12us / 1.20ms / 1.05s in milliseconds
#   bench_wrk_summary                      wrk --latency output on stdin -> "req/s p50_ms p99_ms errors"
#   bench_admin_create DB USER PASSWORD    create (or reset) an admin with the jar's `admin create`
#   bench_admin_login BASE COOKIES USER PASSWORD   sign in through the form; the cookie jar file keeps
#                                          the session
#   bench_admin_save_figure BASE COOKIES N save figure ai-lectures through its form (value 6 + N % 5);
#                                          prints the HTTP status (303 = saved)
# Every wait here is bounded; every curl has a time limit ($BENCH_CURL_TIMEOUT, 10 s).

BENCH_SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
BENCH_JAR=target/ai-training-dashboard.jar
BENCH_JAVA_OPTS=(-XX:SharedArchiveFile=target/ai-training-dashboard.jsa -Xlog:cds=off,cds+dynamic=off -XX:+UseSerialGC -Xms16m -XX:NewRatio=3 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=5000)
BENCH_FILTERED="/figures?category=ai-learning&sort=-as_of&q=%E8%AE%B2%E5%BA%A7"
BENCH_ROUTES=("/" "/?lang=en" "/figures/ai-training-attendance" "$BENCH_FILTERED" "/charts/reach" "/charts/reach.csv" "/figures.csv" "/api/figures")
# Options to try on top of the README's (e.g. BENCH_JAVA_EXTRA="-XX:NewRatio=4"), for comparing variants.
read -r -a BENCH_JAVA_EXTRA_OPTS <<<"${BENCH_JAVA_EXTRA:-}"
BENCH_JAVA_OPTS+=("${BENCH_JAVA_EXTRA_OPTS[@]}")
BENCH_PID=""
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-30}
BENCH_POLL=${BENCH_POLL:-0.025}
BENCH_CURL_TIMEOUT=${BENCH_CURL_TIMEOUT:-10}

bench_usage() {
  sed -n '2,/^set -euo/p' "$BENCH_SELF" | sed '$d; s/^# \{0,1\}//'
}

bench_need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y nginx wrk curl python3; JDK 17 and Maven for java/mvn)" >&2; exit 2; }
  done
}

bench_build() {
  mvn -B -q package -DskipTests
}

bench_start() { # PORT DB LOG [ARGS...]
  local port=$1 db=$2 log=$3
  shift 3
  MALLOC_ARENA_MAX=2 java "${BENCH_JAVA_OPTS[@]}" -jar "$BENCH_JAR" --host 127.0.0.1 --port "$port" --db "$db" "$@" >>"$log" 2>&1 &
  BENCH_PID=$!
  if ! bench_wait_healthy "$port" "$BENCH_START_TIMEOUT" "$BENCH_PID"; then
    echo "--- last lines of $log:" >&2
    tail -n 20 "$log" >&2
    bench_stop
    return 1
  fi
}

bench_first_start() { # PORT DB LOG
  bench_start "$@" && bench_stop
}

bench_wait_healthy() { # PORT [SECONDS] [PID]
  local port=$1 limit=${2:-$BENCH_START_TIMEOUT} pid=${3:-}
  local deadline=$(( $(date +%s%N) + limit * 1000000000 ))
  while (( $(date +%s%N) < deadline )); do
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "the server (pid $pid) exited before /healthz answered on port $port" >&2
      return 1
    fi
    sleep "$BENCH_POLL"
  done
  echo "the server did not answer 200 on http://127.0.0.1:$port/healthz within ${limit} s" >&2
  return 1
}

bench_stop() { # [PID]
  local pid=${1:-$BENCH_PID}
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
  [[ "$pid" == "$BENCH_PID" ]] && BENCH_PID=""
  return 0
}

bench_etag() { # URL
  curl -fsS -m 30 -D - -o /dev/null "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'
}

bench_rss_mb() { # PID
  ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'
}

bench_percentile() { # P
  sort -n | awk -v p="$1" '{a[NR]=$1} END{ if (NR==0) {print "?"; exit} i=int((p/100)*NR+0.999999); if (i<1) i=1; if (i>NR) i=NR; print a[i] }'
}

bench_median() {
  sort -n | awk '{a[NR]=$1} END{ if (NR==0) print "?"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'
}

bench_to_ms() { # VALUE
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us/,"",v); printf "%.2f", v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); printf "%.2f", v} else if (v ~ /m$/) {sub(/m/,"",v); printf "%.2f", v*60000} else if (v ~ /s$/) {sub(/s/,"",v); printf "%.2f", v*1000} else print "?" }'
}

bench_wrk_summary() {
  local out rps p50 p99 errors
  out=$(cat)
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  # errors: socket errors (connect, read, write, timeout) + responses neither 2xx nor 3xx
  errors=$(awk '/Socket errors/{gsub(/,/,""); s=$4+$6+$8+$10} /Non-2xx or 3xx/{n=$5} END{print s+n+0}' <<<"$out")
  echo "${rps:-0} $(bench_to_ms "${p50:-?}") $(bench_to_ms "${p99:-?}") $errors"
}

bench_admin_create() { # DB USER PASSWORD
  printf '%s\n' "$3" | timeout 120 java -jar "$BENCH_JAR" admin create --username "$2" --password-stdin --db "$1" >/dev/null 2>&1
}

bench_csrf_token() {
  sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}

bench_admin_login() { # BASE COOKIES USER PASSWORD
  local base=$1 jar=$2 csrf code
  csrf=$(curl -fsS -m "$BENCH_CURL_TIMEOUT" -c "$jar" -b "$jar" "$base/admin/login" | bench_csrf_token)
  code=$(curl -s -m "$BENCH_CURL_TIMEOUT" -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$3" --data-urlencode "password=$4" --data-urlencode "_csrf=$csrf" "$base/admin/login")
  [[ "$code" == 303 ]] || { echo "admin login as $3 failed (HTTP $code)" >&2; return 1; }
}

bench_admin_save_figure() { # BASE COOKIES N
  local base=$1 jar=$2 n=$3 page csrf version
  page=$(curl -fsS -m "$BENCH_CURL_TIMEOUT" -b "$jar" "$base/admin/figures/ai-lectures") || { echo 000; return 0; }
  csrf=$(bench_csrf_token <<<"$page")
  version=$(sed -n 's/.*name="version" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  curl -s -m "$BENCH_CURL_TIMEOUT" -o /dev/null -w '%{http_code}' -b "$jar" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "version=$version" --data-urlencode "mode=correction" \
    --data-urlencode "value=$((6 + n % 5))" --data-urlencode "unit=期" --data-urlencode "qualifier=exact" \
    --data-urlencode "qualifier_word=" --data-urlencode "period=2025年以来" --data-urlencode "period_en=2025 year to date" \
    --data-urlencode "as_of=2025-05-19" --data-urlencode "source=晋江经济报" --data-urlencode "source_date=2025-05-19" \
    --data-urlencode "quote=先后举办专题辅导讲座6期" --data-urlencode "label_zh=AI专题辅导讲座" \
    --data-urlencode "label_en=AI lectures" --data-urlencode "reason=bench edit $n" \
    "$base/admin/figures/ai-lectures"
}

#!/usr/bin/env bash
# Closing a month of the assessment at a province's density: the demo county 广水市 (2,000 grids, the demo's residents
# and departments) gets a grid worker in every grid and, for each of the months 2026-04 … (bench/assessment-close.sql),
# 4.17 events a grid with their history, as a province of 10,000,000 events over 24 months across 100,000 grids has;
# then the first half of the months is closed through the API one after another (every subject of the county counted
# once more and kept), beside the baseline of reading the same month's events with their history rows, which any
# closing must do; and the second half all at once, as the closing scan closes counties side by side. A province is 50
# such counties' worth of grids.
# Usage: bench/assessment-close.sh [months] [events per grid]    (defaults 6, 4.17)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
months=${1:-6}
per_grid=${2:-4.17}
port=18194
pgport=54394
data=$(mktemp -d /tmp/gridgov-close-XXXX)
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests package
"$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} -jar target/gridgov-0.1.0-SNAPSHOT.jar --server.port=$port \
  --spring.profiles.active=demo --gridgov.demo.events=0 --gridgov.assessment.close-scan-delay=PT24H \
  --gridgov.embedded-db.data-dir="$data/pg" --gridgov.embedded-db.port=$pgport --logging.level.root=warn \
  > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
export PGPASSWORD=$(sed -n 's/^admin-password=//p' "$data/pg-credentials")
sql() { psql -Atq -h localhost -p $pgport -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

list=()
for n in $(seq 4 $(( 3 + months ))); do list+=("2026-$(printf %02d "$n")"); done
for month in "${list[@]}"; do
  start=$(date +%s)
  PGOPTIONS="-c bench.month=$month -c bench.per_grid=$per_grid" sql -f bench/assessment-close.sql
  echo "$month: $(sql -c "select count(*) from event where request_id like 'bench-$month-%'") events," \
    "$(sql -c "select count(*) from event_history h join event e on e.id = h.event_id where e.request_id like 'bench-$month-%'") history rows made in $(( $(date +%s) - start )) s"
done
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"username":"county.operator","password":"GridGov@2026"}' "http://localhost:$port/api/auth/token" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
sync
closes=()
reads=()
serial=$(( months / 2 ))
for month in "${list[@]:0:$serial}"; do
  from="${month}-01 00:00:00+08"
  read_ms=$( { for _ in 1 2 3; do
    sql -c '\timing on' -c "select count(*), count(distinct e.id) from event e join event_history h on h.event_id = e.id
            where e.grid_code like '421381%' and e.reported_at >= timestamptz '$from'
              and e.reported_at < timestamptz '$from' + interval '1 month'" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
  done; } | median)
  reads+=("$read_ms")
  close_s=$(curl -s -o "$data/close.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{}' "http://localhost:$port/api/assessment/periods/$month/close")
  closes+=("$close_s")
  echo "$month: closed in ${close_s} s ($(cat "$data/close.json")); baseline read of its events and history: ${read_ms} ms"
done
together=("${list[@]:$serial}")
start=$(date +%s.%N)
pids=()
for month in "${together[@]}"; do
  curl -s -o "$data/close-$month.json" -w "$month: closed in %{time_total} s, side by side\n" -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
    "http://localhost:$port/api/assessment/periods/$month/close" &
  pids+=($!)
done
wait "${pids[@]}"
wall=$(echo "$(date +%s.%N) - $start" | bc)
for month in "${together[@]}"; do echo "  $(cat "$data/close-$month.json")"; done
close_median=$(printf '%s\n' "${closes[@]}" | median)
read_median=$(printf '%s\n' "${reads[@]}" | median)
awk -v c="$close_median" -v r="$read_median" -v w="$wall" -v k="${#together[@]}" -v cpus="$(nproc)" 'BEGIN {
  printf "median closing of one county-month, one at a time: %.2f s; baseline read: %.0f ms; ratio %.1f\n", c, r, c * 1000 / r
  printf "%d county-months closed side by side in %.2f s on %d CPUs: %.2f s each\n", k, w, cpus, w / k
  printf "a province of 100,000 grids (50 x this county'"'"'s 2,000), one county after another: about %.0f s;\n", c * 50
  printf "  side by side as the closing scan does: about %.0f s\n", w / k * 50 }'

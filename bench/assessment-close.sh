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
. bench/assessment-lib.sh

build_platform
start_platform

bench_months "$months"
make_months 421381
token=$(token_of county.operator)
closes=()
reads=()
serial=$(( months / 2 ))
for month in "${list[@]:0:$serial}"; do
  read_ms=$(baseline_read 421381 "$month")
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

#!/usr/bin/env bash
# Closing a month of the assessment for a whole province at once, as a province center (or the closing scan) does:
# the platform runs with Hubei (42) as its root; bench/assessment-province.sql gives the first counties - 1 other
# counties of the province the demo county's 2,000 grids, villages and departments (50 counties: 100,000 grids), and
# bench/assessment-close.sql gives every grid a worker and, for each month, 4.17 events a grid with their history (a
# province of 10,000,000 events over 24 months across 100,000 grids). Each month is then closed for every county by the
# province operator through POST /api/assessment/periods/{month}/close-all (counties side by side, as the scan does),
# beside the baseline of reading the province's events of that month with their history rows, which any closing must
# do. The app logs each county's closing; the demo county, the one with residents, is shown apart.
# Usage: bench/assessment-province.sh [counties] [months] [events per grid]    (defaults 50, 2, 4.17)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
counties=${1:-50}
months=${2:-2}
per_grid=${3:-4.17}
port=18195
pgport=54395
data=$(mktemp -d /tmp/gridgov-province-XXXX)
. bench/assessment-lib.sh

build_platform
province=(--gridgov.region.root-code=42 --logging.level.org.gridgov.assessment.internal.PeriodClosing=info)
BENCH_HEAP=${BENCH_HEAP:-2g} start_platform "${province[@]}"

begun=$(date +%s)
PGOPTIONS="-c bench.counties=$counties" sql -f bench/assessment-province.sql
echo "$(sql -c "select count(distinct left(code, 6)) from grid where valid_to is null") counties," \
  "$(sql -c "select count(*) from grid where valid_to is null and level = 1") grids," \
  "$(sql -c "select count(*) from organization where kind = 'DEPARTMENT'") departments made in $(( $(date +%s) - begun )) s"
# The grids are read into memory at start: the platform starts again to see the new ones.
stop_platform
BENCH_HEAP=${BENCH_HEAP:-2g} start_platform "${province[@]}"

bench_months "$months"
make_months 42
token=$(token_of province.operator)
for month in "${list[@]}"; do
  read_ms=$(baseline_read 42 "$month")
  close_s=$(curl -s -o "$data/close.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $token" \
    "http://localhost:$port/api/assessment/periods/$month/close-all")
  grep -q '"failed":0' "$data/close.json" || { echo "closing failed: $(cat "$data/close.json")" >&2; exit 1; }
  per_county=$(grep "Closed assessment period $month of county" "$data/app.log" | grep -v 'county 421381 ' \
    | sed -n 's/.* in \([0-9]*\) ms.*/\1/p' | median)
  demo=$(grep "Closed assessment period $month of county 421381 " "$data/app.log" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')
  awk -v m="$month" -v c="$close_s" -v r="$read_ms" -v p="$per_county" -v d="$demo" -v cpus="$(nproc)" 'BEGIN {
    printf "%s: every county closed in %.1f s on %d CPUs; baseline read of its events and history %.0f ms (ratio %.0f);\n", m, c, cpus, r, c * 1000 / r
    printf "  a county'"'"'s closing, median %d ms (the demo county, with its residents: %d ms)\n", p, d }'
  echo "  $(cat "$data/close.json")"
done

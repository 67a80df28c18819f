# Shared by the assessment benchmarks (sourced, not run): they set port, pgport, data and per_grid, then call
# build_platform and start_platform (the platform on the embedded database in $data/pg) before the rest.

build_platform() {
  command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
  ./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests package
  trap 'stop_platform; rm -rf "$data"' EXIT
}

# Starts the demo platform without demo events and without the closing scan, with the extra arguments given, and
# waits until it answers; the database's password is then in PGPASSWORD.
app=
start_platform() {
  "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-1g} ${BENCH_JAVA_OPTS:-} -jar target/gridgov-0.1.0-SNAPSHOT.jar \
    --server.port=$port --spring.profiles.active=demo --gridgov.demo.events=0 \
    --gridgov.assessment.close-scan-delay=PT24H --gridgov.embedded-db.data-dir="$data/pg" \
    --gridgov.embedded-db.port=$pgport --logging.level.root=warn "$@" >> "$data/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://localhost:$port/actuator/health" >/dev/null; then
      export PGPASSWORD=$(sed -n 's/^admin-password=//p' "$data/pg-credentials")
      return
    fi
    sleep 1
  done
  echo "the platform did not start; see $data/app.log" >&2
  exit 1
}

stop_platform() { if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; fi; }

sql() { psql -Atq -h localhost -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

# Months 2026-04 onwards, $1 of them, into the array `list`.
bench_months() {
  list=()
  for n in $(seq 4 $(( 3 + $1 ))); do list+=("2026-$(printf %02d "$n")"); done
}

# Makes each month of `list` under region $1 (bench/assessment-close.sql) and says how many rows it made.
make_months() {
  local month begun
  for month in "${list[@]}"; do
    begun=$(date +%s)
    PGOPTIONS="-c bench.month=$month -c bench.per_grid=$per_grid -c bench.region=$1" sql -f bench/assessment-close.sql
    echo "$month: $(sql -c "select count(*) from event where request_id like 'bench-$month-%'") events," \
      "$(sql -c "select count(*) from event_history h join event e on e.id = h.event_id
                 where e.request_id like 'bench-$month-%'") history rows made in $(( $(date +%s) - begun )) s"
  done
  sync
}

# A bearer token of user $1.
token_of() {
  curl -sf -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"GridGov@2026\"}" \
    "http://localhost:$port/api/auth/token" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# The baseline: milliseconds, median of three, to read the events of region $1 reported in month $2 with their
# history rows, which any closing must do.
baseline_read() {
  local from="$2-01 00:00:00+08"
  for _ in 1 2 3; do
    sql -c '\timing on' -c "select count(*), count(distinct e.id) from event e join event_history h on h.event_id = e.id
            where e.grid_code like '$1%' and e.reported_at >= timestamptz '$from'
              and e.reported_at < timestamptz '$from' + interval '1 month'" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
  done | median
}

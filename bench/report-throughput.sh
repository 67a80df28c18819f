#!/usr/bin/env bash
# Report throughput through the full HTTP API with bearer authentication, beside raw pgbench single-row inserts on
# the same PostgreSQL, in the same run. Starts the platform (demo data, embedded PostgreSQL on a fixed port), runs
# pgbench, then the load generator (closed loop for the maximum rate, open loop at half of it for latency).
# Usage: bench/report-throughput.sh [seconds] [concurrency]    (defaults 20, 16)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
seconds=${1:-20}
clients=${2:-16}
port=18190
pgport=54390
data=$(mktemp -d /tmp/gridgov-bench-XXXX)
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx2g -jar target/gridgov-0.1.0-SNAPSHOT.jar --server.port=$port \
  --spring.profiles.active=demo --gridgov.demo.events=0 --gridgov.embedded-db.data-dir="$data/pg" \
  --gridgov.embedded-db.port=$pgport --logging.level.root=warn > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
# The embedded server asks every login for a password; the superuser's is kept beside its data.
export PGPASSWORD=$(sed -n 's/^admin-password=//p' "$data/pg-credentials")

psql -q -h localhost -p $pgport -U postgres -d postgres -c "create table if not exists bench_insert (id bigserial primary key, payload text, at timestamptz default now())"
echo "insert into bench_insert (payload) values ('x');" > "$data/insert.sql"
echo "pgbench: single-row inserts, $clients clients, $seconds s"
pgbench -n -h localhost -p $pgport -U postgres -c "$clients" -j 2 -T "$seconds" -f "$data/insert.sql" postgres \
  | grep -E "^tps|latency average"

# CPU time per report of the platform and of the database server, over the whole load run (warm-up included): on a
# small machine the rate is bounded by these, not by waiting.
ticks() { for p in "$@"; do awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null; done | paste -sd+ | bc; }
sql() { psql -q -At -h localhost -p $pgport -U postgres -d postgres -c "$1"; }
pg_pids() { local master; master=$(pgrep -f -- "-D $data/pg" | head -1); echo "$master $(pgrep -P "$master" | tr '\n' ' ')"; }
events0=$(sql "select count(*) from event"); app0=$(ticks $app); pg0=$(ticks $(pg_pids))
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.gridgov.event.bench.ReportLoad "http://localhost:$port" "$seconds" "$clients"
events1=$(sql "select count(*) from event"); app1=$(ticks $app); pg1=$(ticks $(pg_pids))
hz=$(getconf CLK_TCK)
echo "cpu per report over $((events1 - events0)) reports: platform $(echo "scale=2; ($app1 - $app0) * 1000 / $hz / ($events1 - $events0)" | bc) ms, database $(echo "scale=2; ($pg1 - $pg0) * 1000 / $hz / ($events1 - $events0)" | bc) ms ($(nproc) CPUs)"

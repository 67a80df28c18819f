#!/usr/bin/env bash
# Import through the HTTP API: a workbook of synthetic residents (valid ID numbers) or houses (owner phones, rentals),
# spread over the demo's current grids, uploaded as the county operator into the platform started with -Xmx512m (demo data, embedded
# PostgreSQL on a fixed port), timed from the upload until the job is DONE; the heap's peak is read from the GC log.
# Usage: bench/registry-import.sh [rows] [residents|houses]    (defaults 1000000 residents)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
rows=${1:-1000000}
register=${2:-residents}
port=18191
pgport=54391
data=$(mktemp -d /tmp/gridgov-bench-XXXX)
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx512m -Xlog:gc:file="$data/gc.log" -jar target/gridgov-0.1.0-SNAPSHOT.jar \
  --server.port=$port --spring.profiles.active=demo --gridgov.demo.events=0 --gridgov.demo.resident-grids=0 \
  --gridgov.embedded-db.data-dir="$data/pg" --gridgov.embedded-db.port=$pgport --logging.level.root=warn \
  > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
# The embedded server asks every login for a password; the superuser's is kept beside its data.
export PGPASSWORD=$(sed -n 's/^admin-password=//p' "$data/pg-credentials")

psql -Atq -h localhost -p $pgport -U postgres -d postgres \
  -c "select code from grid where level = 1 and valid_to is null order by code" > "$data/grids.txt"
echo "grids: $(wc -l < "$data/grids.txt")"
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.gridgov.registry.bench.ResidentImportLoad "http://localhost:$port" "$data/grids.txt" "$data/$register.xlsx" "$rows" "$register"
# "Pause Young ... 301M->120M(512M)": the figure before the arrow is the heap in use when the collection began.
echo "peak heap used before a GC (MB): $(grep -oE '[0-9]+M->' "$data/gc.log" | sed 's/M->//' | sort -n | tail -1)"
echo "heap committed max (MB): $(grep -oE '\([0-9]+M\)' "$data/gc.log" | tr -d '()M' | sort -n | tail -1)"
grep -c "OutOfMemoryError" "$data/app.log" | sed 's/^/OutOfMemoryError lines in the log: /' || true

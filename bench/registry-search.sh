#!/usr/bin/env bash
# Resident search among many residents through the HTTP API: fills the resident table with synthetic people
# (bench/registry-search.sql), then signs in as the county operator and measures, one request at a time, finding a
# person by ID number (exact, through the keyed lookup hash) and by a two-character name fragment.
# Usage: bench/registry-search.sh [rows] [requests]    (defaults 10000000, 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
rows=${1:-10000000}
requests=${2:-2000}
port=18192
pgport=54392
data=$(mktemp -d /tmp/gridgov-bench-XXXX)
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx1g -Xlog:gc:file=target/registry-search-gc.log -jar target/gridgov-0.1.0-SNAPSHOT.jar --server.port=$port \
  --spring.profiles.active=demo --gridgov.demo.events=0 --gridgov.demo.resident-grids=0 \
  --gridgov.embedded-db.data-dir="$data/pg" --gridgov.embedded-db.port=$pgport --logging.level.root=warn \
  --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$data" \
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
  --server.tomcat.accesslog.rotate=false --server.tomcat.accesslog.buffered=true \
  "--server.tomcat.accesslog.pattern=%{us}T %U%q" \
  > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

key=$(grep "lookup-key" src/main/resources/application-demo.yml | sed -E 's/.*"(.*)".*/\1/')
start=$(date +%s)
psql -q -h localhost -p $pgport -U postgres -d postgres -v ON_ERROR_STOP=1 -v rows="$rows" -v lookup_key="$key" \
  -f bench/registry-search.sql
echo "filled $(psql -Atq -h localhost -p $pgport -U postgres -d postgres -c 'select count(*) from resident') residents in $(( $(date +%s) - start )) s"
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.gridgov.registry.bench.ResidentSearchLoad "http://localhost:$port" "$rows" "$requests"
# The same finds as the server saw them (access log, microseconds from the request's arrival to its end), after the
# 500 not measured: what the client adds on top of this is its own time and the loopback.
kill $app; wait $app 2>/dev/null || true
grep "idNumber=" "$data"/access*.log | tail -n +501 | awk '{print $1 / 1000}' | sort -n \
  | awk '{v[NR] = $1} END {printf "find by ID number, server side: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", NR, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], v[NR]}'

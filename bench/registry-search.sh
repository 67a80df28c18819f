#!/usr/bin/env bash
# Resident search among many residents through the HTTP API: fills the resident table with synthetic people
# (bench/registry-search.sql), then signs in as the county operator and measures with wrk, one request at a time
# (bench/registry-search.lua), finding a person by ID number (exact, through the keyed lookup hash) and by a
# two-character name fragment. wrk rather than a JVM client: on two CPUs a JVM client's own collections and compiler
# threads took turns with the platform's and showed up in the tail.
# Usage: bench/registry-search.sh [rows] [seconds]    (defaults 10000000, 30: seconds of finds by ID number, half as
# many by name fragment, after 30 s not measured)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
rows=${1:-10000000}
seconds=${2:-30}
port=18192
pgport=54392
data=$(mktemp -d /tmp/gridgov-bench-XXXX)
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests package
"$JAVA_HOME/bin/java" -Xmx1g -jar target/gridgov-0.1.0-SNAPSHOT.jar --server.port=$port \
  --spring.profiles.active=demo --gridgov.demo.events=0 --gridgov.demo.resident-grids=0 \
  --gridgov.embedded-db.data-dir="$data/pg" --gridgov.embedded-db.port=$pgport --logging.level.root=warn \
  > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
# The embedded server asks every login for a password; the superuser's is kept beside its data.
export PGPASSWORD=$(sed -n 's/^admin-password=//p' "$data/pg-credentials")

key=$(grep "lookup-key" src/main/resources/application-demo.yml | sed -E 's/.*"(.*)".*/\1/')
start=$(date +%s)
psql -q -h localhost -p $pgport -U postgres -d postgres -v ON_ERROR_STOP=1 -v rows="$rows" -v lookup_key="$key" \
  -f bench/registry-search.sql
echo "filled $(psql -Atq -h localhost -p $pgport -U postgres -d postgres -c 'select count(*) from resident') residents in $(( $(date +%s) - start )) s"
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"username":"county.operator","password":"GridGov@2026"}' "http://localhost:$port/api/auth/token" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
search() { wrk -t1 -c1 -d"$1" -H "Authorization: Bearer $token" -s bench/registry-search.lua "http://localhost:$port" -- "$2" "$rows"; }
# The fill leaves gigabytes for the kernel to write back; measure the service in its steady state, not that.
sync
search 30s id > /dev/null  # warm-up (compiled code, caches), not measured
search "${seconds}s" id | tail -1
search "$(( seconds / 2 ))s" name | tail -1

#!/usr/bin/env bash
# Province-scale figures: a throw-away embedded PostgreSQL filled with a generated history (bench/event-history.sql:
# events over 24 months across 100,000 grids, with their history rows, deadline cards and ratings), then the dashboard
# figures from the rollups beside the plain GROUP BY over the event tables, and the event work lists before and after
# their indexes, each query many times in the same run (medians, p99 and ratios). Starts no platform: the Java main
# class starts the database, migrates it with Flyway, fills it, measures and stops it.
# Usage: bench/event-figures.sh [events] [rounds] [data-dir]    (defaults 10000000, 21, a new directory under /tmp that
# is deleted at the end; a data directory given is kept, and reused without filling it again when it has events).
# BENCH_PARTS=figures or BENCH_PARTS=lists runs only that part; BENCH_PARTS= (empty) only fills.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
events=${1:-10000000}
rounds=${2:-21}
classpath=target/figures-bench-classpath.txt
if [ -n "${3:-}" ]; then
  data=$3
else
  data=$(mktemp -d /tmp/gridgov-figures-XXXX)
  trap 'rm -rf "$data"' EXIT
fi

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip test-compile \
  dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat "$classpath")" \
  org.gridgov.event.internal.EventFiguresBenchmark "$events" "$rounds" "$data"

#!/usr/bin/env bash
# Times the deadline scan's SQL (red and yellow cards) over a million open events in a throw-away embedded
# PostgreSQL, beside a plain count(*) over the same rows in the same run. Starts no server of its own: the Java main
# class starts the embedded database, migrates it with Flyway, fills it and drops it at the end.
# Usage: bench/deadline-scan.sh [events] [rounds]    (defaults 1000000, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
classpath=target/deadline-bench-classpath.txt

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip test-compile \
  dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat "$classpath")" \
  org.gridgov.event.internal.DeadlineScanBenchmark "$@"

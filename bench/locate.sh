#!/usr/bin/env bash
# Locate throughput over 100,000 grids (JMH), 1 and 2 threads, with a plain JTS STRtree as the baseline in the
# same run. Prints the median of the measured iterations per benchmark and the ratio to the baseline.
# Usage: bench/locate.sh [grids]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
grids=${1:-100000}

./mvnw -q -B -ntp -Dskip.web -Dspotless.check.skip -DskipTests test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

for threads in 1 2; do
  "$JAVA_HOME/bin/java" -Xmx4g -cp "$cp" org.openjdk.jmh.Main LocateBenchmark \
    -p grids="$grids" -t "$threads" -f 1 -wi 3 -w 2s -i 7 -r 2s \
    -rf json -rff "target/locate-t$threads.json" > "target/locate-t$threads.log"
done

python3 - "$grids" <<'PY'
import json, statistics, sys
grids = sys.argv[1]
print(f"Locate over {grids} grids: median of 7 measured iterations (ops/s)")
print("| threads | GridIndex | raw JTS STRtree (baseline) | ratio |")
print("| --- | ---: | ---: | ---: |")
for t in (1, 2):
    runs = json.load(open(f"target/locate-t{t}.json"))
    med = {}
    for r in runs:
        name = r["benchmark"].rsplit(".", 1)[1]
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        med[name] = statistics.median(raw)
    print(f"| {t} | {med['gridIndex']:,.0f} | {med['rawStrTree']:,.0f} | {med['gridIndex'] / med['rawStrTree']:.2f}x |")
PY

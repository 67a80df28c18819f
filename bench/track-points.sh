#!/usr/bin/env bash
# Track points through the HTTP API: many virtual grid workers on patrol, each with an account and a bearer token of
# its own, each sending one point every N seconds (open loop, sends spread evenly); the baseline is GET /api/auth/me on
# the same schedule in the same run (authentication and HTTP alone). Before the load, every virtual worker gets
# yesterday's full day of patrol (8 h at a point every 30 s, 960 points) straight into the table, so that the table,
# its index and the day-track reads have a realistic size; afterwards the storage per point and per worker-day, and a
# supervisor's read of one worker's day (the day's patrols, then each one's track).
# Usage: bench/track-points.sh [seconds] [workers] [interval seconds]    (defaults 120, 2000, 30)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
seconds=${1:-120}
workers=${2:-2000}
interval=${3:-30}
port=${BENCH_PORT:-18192}
pgport=${BENCH_PGPORT:-54392}
data=$(mktemp -d /tmp/gridgov-bench-XXXX)
source bench/assessment-lib.sh

build_platform
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
BENCH_HEAP=${BENCH_HEAP:-2g} start_platform
sql() { psql -Atq -h localhost -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"; }

# Virtual workers: copies of the demo grid workers of 杨寨镇 (one per grid), round robin over their grids, each with an
# access token "bench-<id>" stored as its SHA-256 like any other.
sql "
with models as (
  select u.*, g.grid_code, row_number() over (order by u.id) - 1 as k, count(*) over () as n
    from app_user u join user_grid g on g.user_id = u.id where u.username like 'gw.%'),
made as (
  insert into app_user (username, real_name, organization_id, scope_kind, scope_code, status, password_hash,
                        password_changed_at, created_at)
  select 'bench.' || i, '压测网格员' || i, m.organization_id, m.scope_kind, m.scope_code, m.status, m.password_hash,
         now(), now()
    from generate_series(0, $workers - 1) i join models m on m.k = i % m.n
  returning id, username)
insert into user_grid (user_id, grid_code)
select made.id, m.grid_code from made join models m on m.k = substring(made.username from 7)::int % m.n;
insert into user_role (user_id, role) select id, 'GRID_WORKER' from app_user where username like 'bench.%';
insert into api_token (user_id, kind, token_hash, family, issued_at, expires_at)
select id, 'ACCESS', sha256(convert_to('bench-' || id, 'UTF8')), gen_random_uuid(), now(), now() + interval '1 day'
  from app_user where username like 'bench.%';"

# Each virtual worker: its grid and the middle of the grid's box, where its points go.
sql "select u.id, g.grid_code, (c.min_lon + c.max_lon) / 2, (c.min_lat + c.max_lat) / 2
       from app_user u join user_grid g on g.user_id = u.id join grid c on c.code = g.grid_code and c.valid_to is null
      where u.username like 'bench.%' order by u.id" | tr '|' ',' > "$data/workers.csv"

# Yesterday's day of each virtual worker: 960 points (8 h at one every 30 s) in one stopped patrol, walking east
# and back across its grid, inserted straight into the tables.
yesterday=$(TZ=Asia/Shanghai date -d yesterday +%F)
started=$(date +%s)
sql "
insert into patrol (county_code, request_id, user_id, worker_name, grid_code, status, started_at, stopped_at,
                    distance_m, point_count, max_seq)
select left(g.grid_code, 6), 'bench-day', u.id, u.real_name, g.grid_code, 'STOPPED',
       timestamptz '$yesterday 08:30 Asia/Shanghai', timestamptz '$yesterday 16:30 Asia/Shanghai', 9600, 960, 959
  from app_user u join user_grid g on g.user_id = u.id where u.username like 'bench.%';
insert into track_point (county_code, patrol_id, seq, recorded_at, lon7, lat7, accuracy, flag)
select p.county_code, p.id, s, p.started_at + s * interval '30 seconds',
       ((c.min_lon + c.max_lon) / 2 * 1e7)::int + (abs((s % 80) - 40) * 1200), ((c.min_lat + c.max_lat) / 2 * 1e7)::int,
       8, 0
  from patrol p join grid c on c.code = p.grid_code and c.valid_to is null, generate_series(0, 959) s
 where p.request_id = 'bench-day';
analyze patrol; analyze track_point;"
echo "yesterday's days of $workers virtual workers inserted in $(( $(date +%s) - started )) s"

before=$(sql "select count(*) from track_point")
echo "track_point rows before the load: $before"
users=$(shuf -n 20 "$data/workers.csv" | cut -d, -f1 | paste -sd,)
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.gridgov.field.bench.TrackLoad "http://localhost:$port" "$seconds" "$interval" "$data/workers.csv" "$users"

sql "vacuum analyze track_point"
rows=$(sql "select count(*) from track_point")
bytes=$(sql "select pg_total_relation_size('track_point')")
heap=$(sql "select pg_relation_size('track_point')")
echo "track_point: $rows rows, $bytes bytes with indexes ($heap heap): $((bytes / rows)) bytes per point," \
  "$((bytes / rows * 960 / 1024)) KiB per worker-day of 8 h at a point every 30 s (960 points)"

-- A province-sized event history, generated inside PostgreSQL and written straight into the event tables: events,
-- their history rows (every move, with the deadline of the step it started), deadline cards and ratings.
--
-- The province (made-up code 99) has 100 counties (99CCNN) × 10 townships × 10 villages × 10 grids = 100,000 grids.
-- Events are spread evenly over the 24 months before bench.now; within a county, ids and case numbers follow the
-- report time. Three flows, as DemoEvents makes them: a city problem (60 %) is accepted, dispatched to the county's
-- city-management department, claimed, fed back, verified, rated and later archived; a dispute (38 %) is accepted,
-- resolved on the spot, verified and rated; 2 % are rejected. Each move comes a random while after the one before,
-- within a range per move; the step limits are natural time (accept, dispatch and claim 4 h, handle 72 h, verify
-- 24 h), and the ranges make about 4 % of the short steps and about 20 % of the handling steps late. 3 % of events
-- stall on the way (still open, overdue), half of the rated ones are archived 60 days after closing, and the latest
-- ones are wherever the clock stopped them. A step that ran past 80 % of its time got a YELLOW card, one past its
-- deadline a RED one, as the deadline scan would have raised them. A quarter of the cases still open a day past
-- their running step's deadline were supervised (督办) by the county's center then, with their SUPERVISE row.
--
-- Parameters (custom settings, so that psql and JDBC run the same file): bench.events (default 10000000), bench.now
-- (default 2026-12-01 00:00 China time). With psql, on a database migrated by Flyway and without events:
--   PGOPTIONS='-c bench.events=1000000' psql -v ON_ERROR_STOP=1 -f bench/event-history.sql
-- EventFiguresBenchmark runs the steps one by one (split at the "-- step:" lines) and prints the time of each.
-- Nothing here reads the event tables' indexes: they are dropped before the fill and made again after it, which is
-- several times faster than keeping them up to date row by row.

-- step: helpers
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';
drop table if exists bench_plan;
drop table if exists bench_index;
-- A repeatable fraction in [0, 1) for event i and a salt: independent values without random()'s state.
create or replace function bench_u(i bigint, salt integer) returns double precision
    language sql immutable parallel safe as
$$ select ((hashint8($1 * 64 + $2)::bigint & 2147483647) / 2147483648.0)::float8 $$;
-- The three flows as tables indexed by flow (1 city, 2 dispute, 3 rejected) and move number.
create or replace function bench_move(flow integer, j integer) returns text language sql immutable parallel safe as
$$ select (array[['REPORT', 'ACCEPT', 'DISPATCH', 'CLAIM', 'FEEDBACK', 'VERIFY_PASS', 'RATE', 'ARCHIVE'],
                 ['REPORT', 'ACCEPT', 'RESOLVE', 'VERIFY_PASS', 'RATE', 'ARCHIVE', null, null],
                 ['REPORT', 'REJECT', null, null, null, null, null, null]])[$1][$2] $$;
create or replace function bench_to(flow integer, j integer) returns text language sql immutable parallel safe as
$$ select (array[['REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK', 'CLOSED', 'CLOSED', 'ARCHIVED'],
                 ['REPORTED', 'ACCEPTED', 'FEEDBACK', 'CLOSED', 'CLOSED', 'ARCHIVED', null, null],
                 ['REPORTED', 'REJECTED', null, null, null, null, null, null]])[$1][$2] $$;
-- The step a move starts (null: none runs afterwards) and its limit in minutes.
create or replace function bench_step(flow integer, j integer) returns text language sql immutable parallel safe as
$$ select (array[['ACCEPT', 'DISPATCH', 'CLAIM', 'HANDLE', 'VERIFY', null, null, null],
                 ['ACCEPT', 'DISPATCH', 'VERIFY', null, null, null, null, null],
                 ['ACCEPT', null, null, null, null, null, null, null]])[$1][$2] $$;
create or replace function bench_limit(step text) returns integer language sql immutable parallel safe as
$$ select case $1 when 'HANDLE' then 4320 when 'VERIFY' then 1440 else 240 end $$;
-- Whether the department holds the event after the move (else the township's center).
create or replace function bench_at_department(flow integer, j integer) returns boolean
    language sql immutable parallel safe as
$$ select $1 = 1 and $2 in (3, 4) $$;
-- The while, in minutes, between move j - 1 and move j: the shortest plus u (a fraction) of the spread. Accept,
-- dispatch, claim, reject and resolve take 5 to 250 minutes, a feedback 1 to 90 hours, a verification 1 to 25 hours,
-- the rating 1 to 72 hours after the closing, the archiving 60 days after the rating.
create or replace function bench_gap(flow integer, j integer, u double precision) returns double precision
    language sql immutable parallel safe as
$$ select (array[[0, 5, 5, 5, 60, 60, 60, 86400], [0, 5, 30, 60, 60, 86400, 0, 0], [0, 5, 0, 0, 0, 0, 0, 0]])[$1][$2]
          + $3 * (array[[0, 245, 245, 245, 5340, 1440, 4260, 0], [0, 245, 220, 1440, 4260, 0, 0, 0],
                        [0, 245, 0, 0, 0, 0, 0, 0]])[$1][$2] $$;

-- step: plan
-- One row per event: where, what, which flow, the time of each move of the flow, and how many of them were made.
create unlogged table bench_plan as
with params as (select coalesce(nullif(current_setting('bench.events', true), ''), '10000000')::bigint as n,
                       coalesce(nullif(current_setting('bench.now', true), ''),
                                '2026-12-01 00:00:00+08')::timestamptz as now),
     categories as (select array_agg(code order by code) filter (where domain = 'CITY') as city,
                           array_agg(code order by code) filter (where domain = 'GOVERNANCE') as governance
                    from event_category where version_id = 1 and kind = 'MINOR'),
     -- materialized, so that the flow is a column and not its expression repeated wherever it is used
     events as materialized (select i, (i - 1) % 100 as c, (i - 1) / 100 as k, params.n, params.now,
                       case when bench_u(i, 1) < 0.02 then 3 when bench_u(i, 2) < 0.6 then 1 else 2 end as flow
                from params, generate_series(1, (select n from params)) as i)
select e.i, e.c, e.flow, e.now,
       county, county || lpad((1 + floor(bench_u(e.i, 3) * 10))::text, 3, '0') as township,
       county || lpad((1 + floor(bench_u(e.i, 3) * 10))::text, 3, '0')
           || lpad((1 + floor(bench_u(e.i, 4) * 10))::text, 3, '0')
           || lpad((1 + floor(bench_u(e.i, 5) * 10))::text, 3, '0') as grid_code,
       e.k,
       case when e.flow = 1 then cat.city[1 + floor(bench_u(e.i, 6) * array_length(cat.city, 1))::int]
            else cat.governance[1 + floor(bench_u(e.i, 6) * array_length(cat.governance, 1))::int] end as category,
       t.reported_at, a.ats,
       least(a.done, case when e.flow = 3 then 2
                          -- stalled on the way after the accept, dispatch or claim, never closed
                          when bench_u(e.i, 7) < 0.03 then 2 + floor(bench_u(e.i, 8) * (case e.flow when 1 then 3 else 1 end))::int
                          -- half of the closed ones are archived
                          when bench_u(e.i, 9) < 0.5 then array_length(a.ats, 1)
                          else array_length(a.ats, 1) - 1 end) as m
from events e
cross join categories cat
cross join lateral (select '99' || lpad((e.c / 10 + 1)::text, 2, '0') || lpad((e.c % 10 + 1)::text, 2, '0') as county,
                           e.now - interval '730 days'
                               + (e.k + bench_u(e.i, 10)) / greatest(e.n / 100, 1) * interval '730 days' as reported_at
                    offset 0) t
-- The time of each move: the report, then one while after another (all eight for every flow; a shorter flow uses its
-- first ones), written out rather than summed by a window per event, which took most of this step's time.
cross join lateral (select bench_gap(e.flow, 2, bench_u(e.i, 12)) as g2, bench_gap(e.flow, 3, bench_u(e.i, 13)) as g3,
                           bench_gap(e.flow, 4, bench_u(e.i, 14)) as g4, bench_gap(e.flow, 5, bench_u(e.i, 15)) as g5,
                           bench_gap(e.flow, 6, bench_u(e.i, 16)) as g6, bench_gap(e.flow, 7, bench_u(e.i, 17)) as g7,
                           bench_gap(e.flow, 8, bench_u(e.i, 18)) as g8,
                           case e.flow when 1 then 8 when 2 then 6 else 2 end as moves
                    -- offset 0 keeps each lateral a subquery computed once per row: pulled up, every reference to
                    -- its columns would repeat their whole expressions
                    offset 0) g
cross join lateral (select array[t.reported_at,
                                 t.reported_at + make_interval(secs => 60 * g.g2),
                                 t.reported_at + make_interval(secs => 60 * (g.g2 + g.g3)),
                                 t.reported_at + make_interval(secs => 60 * (g.g2 + g.g3 + g.g4)),
                                 t.reported_at + make_interval(secs => 60 * (g.g2 + g.g3 + g.g4 + g.g5)),
                                 t.reported_at + make_interval(secs => 60 * (g.g2 + g.g3 + g.g4 + g.g5 + g.g6)),
                                 t.reported_at + make_interval(secs => 60 * (g.g2 + g.g3 + g.g4 + g.g5 + g.g6 + g.g7)),
                                 t.reported_at
                                     + make_interval(secs => 60 * (g.g2 + g.g3 + g.g4 + g.g5 + g.g6 + g.g7 + g.g8))]
                               as ats
                    offset 0) x
cross join lateral (select x.ats[1:g.moves] as ats,
                           -- the moves made before bench.now: the times only grow
                           least(g.moves, 1 + (x.ats[2] < e.now)::int + (x.ats[3] < e.now)::int
                                 + (x.ats[4] < e.now)::int + (x.ats[5] < e.now)::int + (x.ats[6] < e.now)::int
                                 + (x.ats[7] < e.now)::int + (x.ats[8] < e.now)::int) as done
                    offset 0) a;

-- step: drop indexes
-- Kept to be made again after the fill, constraints' indexes (keys, unique serial numbers) included.
create table bench_index as
select c.conrelid::regclass::text as table_name, c.conname as name,
       'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' '
           || pg_get_constraintdef(c.oid) as definition, 1 as pass
from pg_constraint c
where c.conrelid in ('event'::regclass, 'event_history'::regclass, 'deadline_card'::regclass)
  and c.contype in ('p', 'u')
union all
select i.tablename, i.indexname, i.indexdef, 2
from pg_indexes i
where i.tablename in ('event', 'event_history', 'deadline_card')
  and i.indexname not in (select conname from pg_constraint where contype in ('p', 'u'));
-- Foreign keys to these tables would need their keys while they are dropped; they are checked again when re-added.
insert into bench_index
select c.conrelid::regclass::text, c.conname,
       'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' '
           || pg_get_constraintdef(c.oid), 3
from pg_constraint c
where c.contype = 'f'
  and c.confrelid in ('event'::regclass, 'event_history'::regclass, 'deadline_card'::regclass);
do
$$
    declare
        r record;
    begin
        for r in select * from bench_index where pass = 3 loop
            execute format('alter table %s drop constraint %I', r.table_name, r.name);
        end loop;
        for r in select * from bench_index where pass = 2 loop
            execute format('drop index %I', r.name);
        end loop;
        for r in select * from bench_index where pass = 1 loop
            execute format('alter table %s drop constraint %I', r.table_name, r.name);
        end loop;
    end
$$;

-- step: events
insert into event (id, serial_number, title, description, category_code, category_name, major_code, major_name,
                   catalog_version, urgency, lon, lat, address, grid_code, grid_version_id, source, reporter_user_id,
                   reporter_name, involved_count, status, holder_org, dispatcher_org, handler_org, step,
                   step_started_at, deadline_at, yellow_at, supervision, satisfaction, result, handled_by, version,
                   reported_at, closed_at)
select p.i,
       left(p.county, 6) || '-' || extract(year from p.reported_at at time zone 'Asia/Shanghai') || '-'
           || lpad((p.k + 1)::text, 6, '0'),
       (array['路边垃圾堆放', '门店占道经营', '楼道堆放杂物', '邻里噪音纠纷', '路面坑洼', '小区路灯不亮'])[1 + (p.i % 6)::int],
       '网格员巡查发现：' || c.name,
       c.code, c.name, m.code, m.name, 1,
       case when bench_u(p.i, 20) < 0.05 then 'URGENT' else 'NORMAL' end,
       110 + (p.i % 100) * 0.1 + bench_u(p.i, 21) * 0.1, 25 + (p.i % 100) * 0.05 + bench_u(p.i, 22) * 0.05,
       null, p.grid_code, 1,
       case when bench_u(p.i, 23) < 0.2 then 'HOTLINE' else 'GRID_WORKER' end,
       -- one grid worker per grid reports its events
       2000000 + p.c * 1000 + (substring(p.grid_code, 7, 3)::int - 1) * 100
           + (substring(p.grid_code, 10, 3)::int - 1) * 10 + substring(p.grid_code, 13, 3)::int - 1,
       '网格员', 0,
       bench_to(p.flow, p.m),
       case when bench_at_department(p.flow, p.m) then p.county || '-cgj' else p.township || '-center' end,
       case when p.flow = 1 and p.m >= 3 or p.flow = 2 and p.m >= 3 then p.township || '-center' end,
       case when p.flow = 1 and p.m >= 3 then p.county || '-cgj' when p.flow = 2 and p.m >= 3
           then p.township || '-center' end,
       bench_step(p.flow, p.m),
       case when bench_step(p.flow, p.m) is not null then p.ats[p.m] end,
       case when bench_step(p.flow, p.m) is not null
           then p.ats[p.m] + make_interval(mins => bench_limit(bench_step(p.flow, p.m))) end,
       case when bench_step(p.flow, p.m) is not null
           then p.ats[p.m] + make_interval(secs => 48 * bench_limit(bench_step(p.flow, p.m))) end,
       case when bench_step(p.flow, p.m) is not null and bench_u(p.i, 25) < 0.25
                 and p.ats[p.m] + make_interval(mins => bench_limit(bench_step(p.flow, p.m))) + interval '1 day' < p.now
           then 'RED' end,
       case when p.flow = 1 and p.m >= 7 or p.flow = 2 and p.m >= 5 then s.satisfaction end,
       case when p.flow = 1 and p.m >= 5 then '已处置完毕' when p.flow = 2 and p.m >= 3 then '已现场调解' end,
       null, p.m - 1, p.reported_at,
       case when p.flow = 1 and p.m >= 6 then p.ats[6] when p.flow = 2 and p.m >= 4 then p.ats[4] end
from bench_plan p
join event_category c on c.version_id = 1 and c.code = p.category
join event_category m on m.version_id = 1 and m.code = c.parent_code
cross join lateral (select case when u < 0.5 then 5 when u < 0.8 then 4 when u < 0.92 then 3 when u < 0.97 then 2
                                else 1 end as satisfaction
                    from (select bench_u(p.i, 24) as u) x) s;
select setval(pg_get_serial_sequence('event', 'id'), (select max(id) from event));

-- step: history
-- Rows in the order of their moves, event by event: nothing joins, so the ids follow the output order.
insert into event_history (event_id, move, from_status, to_status, from_holder, to_holder, actor_id, actor_name,
                           actor_real_name, actor_roles, actor_org, note, deadline_at, at, satisfaction)
select p.i, bench_move(p.flow, j), bench_to(p.flow, j - 1), bench_to(p.flow, j),
       case when j > 1 then h.from_holder end, h.to_holder,
       -- a handler per county department, an operator per township center
       case when bench_move(p.flow, j) in ('CLAIM', 'FEEDBACK') then 3000000 + p.c
            else 1000000 + p.c * 10 + right(p.township, 3)::int - 1 end,
       'bench',
       case when j = 1 then '网格员' when bench_move(p.flow, j) in ('CLAIM', 'FEEDBACK') then '部门承办人'
            else '中心坐席员' end,
       case when j = 1 then 'GRID_WORKER' when bench_move(p.flow, j) in ('CLAIM', 'FEEDBACK')
           then 'DEPARTMENT_HANDLER' else 'CENTER_OPERATOR' end,
       case when bench_move(p.flow, j) in ('CLAIM', 'FEEDBACK') then p.county || '-cgj' else p.township || '-center' end,
       case bench_move(p.flow, j) when 'FEEDBACK' then '已处置完毕' when 'RESOLVE' then '已现场调解'
           when 'REJECT' then '不属于受理范围' when 'DISPATCH' then '请按时处置' end,
       case when bench_step(p.flow, j) is not null
           then p.ats[j] + make_interval(mins => bench_limit(bench_step(p.flow, j))) end,
       p.ats[j],
       case when bench_move(p.flow, j) = 'RATE' then s.satisfaction end
from bench_plan p
cross join generate_series(1, p.m) as j
cross join lateral (select case when bench_at_department(p.flow, j - 1) then p.county || '-cgj'
                                else p.township || '-center' end as from_holder,
                           case when bench_at_department(p.flow, j) then p.county || '-cgj'
                                else p.township || '-center' end as to_holder) h
cross join lateral (select case when u < 0.5 then 5 when u < 0.8 then 4 when u < 0.92 then 3 when u < 0.97 then 2
                                else 1 end as satisfaction
                    from (select bench_u(p.i, 24) as u) x) s;
-- The supervisions come after every move of their events, a day past the deadline of the step still running.
insert into event_history (event_id, move, from_status, to_status, from_holder, to_holder, actor_id, actor_name,
                           actor_real_name, actor_roles, actor_org, note, deadline_at, at, supervision,
                           own_organization)
select e.id, 'SUPERVISE', e.status, e.status, e.holder_org, e.holder_org, 4000000 + (e.id - 1) % 100, 'bench',
       '中心领导', 'CENTER_LEADER', left(e.grid_code, 6) || '-center', '已超时限，请加快办理并反馈', e.deadline_at,
       e.deadline_at + interval '1 day', e.supervision, false
from event e
where e.supervision is not null;

-- step: cards
-- A YELLOW card for every step that ran past 80 % of its limit, a RED one for every step past its deadline: ended
-- later by the next move, or still running at bench.now.
insert into deadline_card (event_id, step, step_started_at, deadline_at, card, holder_org, raised_at)
select p.i, bench_step(p.flow, j), p.ats[j], p.ats[j] + make_interval(mins => bench_limit(bench_step(p.flow, j))),
       k.card,
       case when bench_at_department(p.flow, j) then p.county || '-cgj' else p.township || '-center' end,
       p.ats[j] + make_interval(secs => 60 * k.share * bench_limit(bench_step(p.flow, j))) + interval '30 seconds'
from bench_plan p
cross join generate_series(1, p.m) as j
cross join (values ('YELLOW', 0.8), ('RED', 1.0)) as k (card, share)
where bench_step(p.flow, j) is not null
  and case when j < p.m then p.ats[j + 1] else p.now end
      > p.ats[j] + make_interval(secs => 60 * k.share * bench_limit(bench_step(p.flow, j)));

-- step: indexes
do
$$
    declare
        r record;
    begin
        for r in select * from bench_index order by pass loop
            execute r.definition;
        end loop;
    end
$$;

-- step: clean up
drop table bench_plan;
drop table bench_index;
drop function bench_gap(integer, integer, double precision);
drop function bench_at_department(integer, integer);
drop function bench_limit(text);
drop function bench_step(integer, integer);
drop function bench_to(integer, integer);
drop function bench_move(integer, integer);
drop function bench_u(bigint, integer);

-- step: vacuum events
vacuum analyze event;

-- step: vacuum history
vacuum analyze event_history;

-- step: vacuum cards
vacuum analyze deadline_card;

-- A month of events for closing the assessment at a province's density, in the grids under bench.region (default the
-- demo county 421381; '42' for every county a province run has): every current grid gets a grid worker, and
-- bench.per_grid events a grid (default 4.17: a province's 10,000,000 events over 24 months across 100,000 grids) are
-- reported in the month bench.month (e.g. 2026-06), each with its history rows: a city problem (60 %) accepted,
-- dispatched to a department of the grid's county, claimed, fed back, verified and rated; a dispute (38 %) accepted,
-- resolved on the spot, verified and rated; 2 % rejected; about 10 % of the steps late.
-- Parameters are custom settings: PGOPTIONS='-c bench.month=2026-06 -c bench.per_grid=4.17 -c bench.region=42' psql -f

-- A repeatable fraction in [0, 1) for event i and a salt.
create or replace function close_u(i bigint, salt integer) returns double precision
    language sql immutable parallel safe as
$$ select ((hashint8($1 * 64 + $2)::bigint & 2147483647) / 2147483648.0)::float8 $$;

-- Every current grid of the county without a worker gets one (the province has one per grid).
insert into app_user (username, real_name, scope_kind, scope_code, status, password_hash, password_changed_at,
                      created_at)
select 'bw.' || g.code, '网格员' || right(g.code, 6), 'GRIDS', g.village_code, 'ACTIVE',
       (select password_hash from app_user where username = 'grid.worker'), now(), now()
from grid g
where g.valid_to is null and g.level = 1
  and g.code like coalesce(nullif(current_setting('bench.region', true), ''), '421381') || '%'
  and not exists (select 1 from user_grid ug where ug.grid_code = g.code)
on conflict (username) do nothing;
insert into user_role (user_id, role)
select u.id, 'GRID_WORKER' from app_user u where u.username like 'bw.%' on conflict do nothing;
insert into user_grid (user_id, grid_code)
select u.id, substring(u.username from 4) from app_user u where u.username like 'bw.%' on conflict do nothing;

-- Grids and departments are numbered and joined by number: an array of a province's grids read once per event would
-- be read whole each time.
create temporary table close_grid as
select g.code, g.id, row_number() over (order by g.code) - 1 as n
from grid g
where g.valid_to is null and g.level = 1
  and g.code like coalesce(nullif(current_setting('bench.region', true), ''), '421381') || '%';
create temporary table close_department as
select left(region_code, 6) as county, code, row_number() over (partition by left(region_code, 6) order by code) - 1 as n,
       count(*) over (partition by left(region_code, 6)) as of
from organization where kind = 'DEPARTMENT' and active;
create temporary table close_worker as
select distinct on (grid_code) grid_code, user_id from user_grid order by grid_code, user_id;

create temporary table close_plan as
with params as (select to_date(current_setting('bench.month'), 'YYYY-MM') as first_day,
                       coalesce(nullif(current_setting('bench.per_grid', true), ''), '4.17')::float8 as per_grid,
                       (select count(*) from close_grid) as grids),
     categories as (select array_agg(code order by code) filter (where domain = 'CITY') as city,
                           array_agg(code order by code) filter (where domain = 'GOVERNANCE') as governance
                    from event_category where version_id = 1 and kind = 'MINOR'),
     events as (select i, params.*,
                       case when close_u(i, 1) < 0.02 then 3 when close_u(i, 2) < 0.6 then 1 else 2 end as flow
                from params, generate_series(1, round(params.per_grid * params.grids)::bigint) as i)
select e.i, e.flow, g.code as grid_code, g.id as grid_version, d.code as department,
       case when e.flow = 1 then cat.city[1 + floor(close_u(e.i, 6) * array_length(cat.city, 1))::int]
            else cat.governance[1 + floor(close_u(e.i, 6) * array_length(cat.governance, 1))::int] end as category,
       (e.first_day::timestamp at time zone 'Asia/Shanghai')
           + close_u(e.i, 10) * ((e.first_day + interval '1 month')::date - e.first_day) * interval '1 day'
           as reported_at
from events e
join close_grid g on g.n = floor(close_u(e.i, 3) * e.grids)::bigint
cross join categories cat
left join close_department d on d.county = left(g.code, 6)
    and d.n = floor(close_u(e.i, 4) * d.of)::bigint;

-- The moves of each flow, with the step each starts, its limit in minutes, and the while before it; about one step in
-- ten takes longer than its limit.
create temporary table close_moves (flow int, j int, move text, to_status text, step text, limit_minutes int,
                                    department boolean);
insert into close_moves values
    (1, 1, 'REPORT', 'REPORTED', 'ACCEPT', 240, false), (1, 2, 'ACCEPT', 'ACCEPTED', 'DISPATCH', 240, false),
    (1, 3, 'DISPATCH', 'DISPATCHED', 'CLAIM', 240, true), (1, 4, 'CLAIM', 'CLAIMED', 'HANDLE', 4320, true),
    (1, 5, 'FEEDBACK', 'FEEDBACK', 'VERIFY', 1440, false), (1, 6, 'VERIFY_PASS', 'CLOSED', null, null, false),
    (1, 7, 'RATE', 'CLOSED', null, null, false),
    (2, 1, 'REPORT', 'REPORTED', 'ACCEPT', 240, false), (2, 2, 'ACCEPT', 'ACCEPTED', 'DISPATCH', 240, false),
    (2, 3, 'RESOLVE', 'FEEDBACK', 'VERIFY', 1440, false), (2, 4, 'VERIFY_PASS', 'CLOSED', null, null, false),
    (2, 5, 'RATE', 'CLOSED', null, null, false),
    (3, 1, 'REPORT', 'REPORTED', 'ACCEPT', 240, false), (3, 2, 'REJECT', 'REJECTED', null, null, false);

create temporary table close_rows as
select p.i, p.flow, m.j, m.move, m.to_status, m.step, m.limit_minutes, m.department,
       p.reported_at + make_interval(secs => 60 * sum(case when m.j = 1 then 0
                                                           when close_u(p.i, 30 + m.j) < 0.1
                                                               then 300 + 5000 * close_u(p.i, 40 + m.j)
                                                           else 5 + 200 * close_u(p.i, 40 + m.j) end)
                                                      over (partition by p.i order by m.j)) as at
from close_plan p join close_moves m on m.flow = p.flow;
create index on close_rows (i) include (at) where move = 'VERIFY_PASS';
analyze close_rows;

insert into event (serial_number, title, description, category_code, category_name, major_code, major_name,
                   catalog_version, urgency, lon, lat, grid_code, grid_version_id, source, reporter_user_id,
                   reporter_name, involved_count, status, holder_org, dispatcher_org, handler_org, satisfaction,
                   version, reported_at, closed_at, request_id)
select left(p.grid_code, 6) || '-B' || current_setting('bench.month') || '-' || lpad(p.i::text, 7, '0'), '路边垃圾堆放', '基准测试',
       c.code, c.name, mj.code, mj.name, 1, 'NORMAL', 113.8, 31.6, p.grid_code, p.grid_version, 'GRID_WORKER',
       w.user_id, '网格员', 0,
       case p.flow when 3 then 'REJECTED' else 'CLOSED' end,
       left(p.grid_code, 9) || '-center',
       case when p.flow = 1 then left(p.grid_code, 9) || '-center' end,
       case when p.flow = 1 then p.department end,
       case when p.flow < 3 then 1 + floor(close_u(p.i, 50) * 5)::int end,
       0, p.reported_at,
       (select r.at from close_rows r where r.i = p.i and r.move = 'VERIFY_PASS'),
       'bench-' || current_setting('bench.month') || '-' || p.i
from close_plan p
left join close_worker w on w.grid_code = p.grid_code
join event_category c on c.version_id = 1 and c.code = p.category
join event_category mj on mj.version_id = 1 and mj.code = c.parent_code;

insert into event_history (event_id, move, from_status, to_status, from_holder, to_holder, actor_name, note,
                           deadline_at, at, satisfaction)
select e.id, r.move, lag(r.to_status) over w, r.to_status,
       lag(case when r.department then p.department else left(p.grid_code, 9) || '-center' end) over w,
       case when r.department then p.department else left(p.grid_code, 9) || '-center' end,
       'bench', case when r.move = 'REJECT' then '不属于受理范围' when r.move in ('FEEDBACK', 'RESOLVE') then '已处置' end,
       case when r.step is not null then r.at + make_interval(mins => r.limit_minutes) end, r.at,
       case when r.move = 'RATE' then e.satisfaction end
from close_rows r
join close_plan p on p.i = r.i
join event e on e.request_id = 'bench-' || current_setting('bench.month') || '-' || r.i
window w as (partition by r.i order by r.j)
order by r.i, r.j;

drop function close_u(bigint, integer);
analyze event;
analyze event_history;

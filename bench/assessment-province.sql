-- A province for closing the assessment: besides the demo county 广水市 (421381), the first bench.counties - 1 counties
-- of Hubei (42) by code get the demo county's villages, grids and departments, the villages dealt among the county's
-- own townships (from the shipped division list) in turn. Each county then has the demo county's 2,000 grids; 50
-- counties make a province of 100,000 grids. Residents, houses and places stay the demo county's own.
-- Parameters are custom settings: PGOPTIONS='-c bench.counties=50' psql -f ...

create temporary table province_county as
select c.code as county
from region c
where c.level = 'COUNTY' and c.valid_to is null and c.code like '42%' and c.code <> '421381'
  and exists (select 1 from region t where t.parent_code = c.code and t.level = 'TOWNSHIP' and t.valid_to is null)
order by c.code
limit greatest(current_setting('bench.counties')::int - 1, 0);

create temporary table province_village as
with demo_township as (select code, row_number() over (order by code) - 1 as n
                       from region where level = 'TOWNSHIP' and parent_code = '421381' and valid_to is null),
     demo_village as (select v.code, v.name, v.valid_from, v.boundary, t.n as township
                      from region v join demo_township t on v.parent_code = t.code
                      where v.level = 'VILLAGE' and v.valid_to is null),
     township as (select c.county, t.code, row_number() over (partition by c.county order by t.code) - 1 as n,
                         count(*) over (partition by c.county) as of
                  from province_county c
                  join region t on t.parent_code = c.county and t.level = 'TOWNSHIP' and t.valid_to is null)
select t.county, v.code as demo_code, t.code as township,
       t.code || lpad((row_number() over (partition by t.code order by v.code))::text, 3, '0') as code,
       v.name, v.valid_from, v.boundary
from demo_village v
join township t on t.n = v.township % t.of;

insert into region (code, valid_from, name, level, parent_code, boundary)
select code, valid_from, name, 'VILLAGE', township, boundary from province_village;

insert into grid (code, name, type, dedicated_kind, level, village_code, parent_grid_code, boundary, min_lon, min_lat,
                  max_lon, max_lat, area_m2, valid_from, created_by)
select v.code || substr(g.code, 13), g.name, g.type, g.dedicated_kind, g.level, v.code,
       case when g.parent_grid_code is not null then parent.code || substr(g.parent_grid_code, 13) end,
       g.boundary, g.min_lon, g.min_lat, g.max_lon, g.max_lat, g.area_m2, g.valid_from, g.created_by
from grid g
join province_village v on v.demo_code = g.village_code
left join province_village parent on parent.county = v.county and parent.demo_code = left(g.parent_grid_code, 12)
where g.valid_to is null;

insert into organization (code, name, kind, region_code, active)
select replace(o.code, '421381', c.county), o.name, o.kind, c.county, true
from organization o cross join province_county c
where o.kind = 'DEPARTMENT' and o.region_code = '421381' and o.active;

-- The province's operator, who closes a month for every county at once.
insert into app_user (username, real_name, scope_kind, scope_code, status, password_hash, password_changed_at,
                      created_at)
select 'province.operator', '省中心坐席员', 'REGION', '42', 'ACTIVE', password_hash, now(), now()
from app_user where username = 'county.operator';
insert into user_role (user_id, role)
select id, 'CENTER_OPERATOR' from app_user where username = 'province.operator';

analyze region;
analyze grid;
analyze organization;

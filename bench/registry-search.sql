-- Fills the resident table with :rows synthetic people for bench/registry-search.sh: valid ID numbers (check
-- character computed here), lookup hashes made exactly as the platform makes them (HMAC-SHA256 over the kind, a NUL
-- and the number, with the lookup key), names from common surnames and given-name characters, spread over the
-- current grids. The sealed ID number and phone are left empty: the rows are found, not opened.
create extension if not exists pgcrypto;

create or replace function pg_temp.check_char(first17 text) returns text language sql immutable as $$
    select substr('10X98765432', (sum(substr(first17, i::int, 1)::int * w) % 11)::int + 1, 1)
    from unnest(array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]) with ordinality as t(w, i)
$$;

create or replace function pg_temp.grams(n text) returns text[] language sql immutable as $$
    select array(select distinct g from (
        select substr(n, i, 1) g from generate_series(1, length(n)) i
        union all
        select substr(n, i, 2) from generate_series(1, length(n) - 1) i) t)
$$;

drop index if exists resident_one_per_person, resident_grid, resident_name, resident_name_grams, resident_phone,
    resident_house, resident_household, resident_tags;

create temp table bench_grid as
    select row_number() over (order by code) - 1 as n, code from grid where level = 1 and valid_to is null;

insert into resident (grid_code, name, name_grams, id_number_hash, sex, birth_date, kind, created_at, updated_at)
select g.code, p.name, pg_temp.grams(p.name),
       hmac(convert_to('ID_NUMBER', 'UTF8') || '\x00'::bytea || convert_to(p.id, 'UTF8'),
            decode(:'lookup_key', 'base64'), 'sha256'),
       p.sex, p.birth, 'REGISTERED', now(), now()
from (
    select i,
           s17 || pg_temp.check_char(s17) as id,
           case when substr(s17, 17, 1)::int % 2 = 1 then '1' else '2' end as sex,
           birth,
           (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',
                  '郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡'])[1 + i % 40]
           || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','霞','平','刚',
                     '桂','英','建','华','志','海','燕','子','涵','浩','然','雨','桐','欣','怡','文','博','宇','晨','佳'])[1 + (i / 40) % 40]
           || case when i % 3 = 0 then '' else
              (array['国','荣','兰','梅','辉','鹏','飞','玲','红','林','斌','波','琴','云','亮','莉','刚','峰','婷','慧'])[1 + (i / 1600) % 20] end
           as name
    from (
        select i, d.birth,
               '421381' || to_char(d.birth, 'YYYYMMDD') || lpad(((i / 30000) % 1000)::text, 3, '0') as s17
        from generate_series(0, :rows - 1) i,
             lateral (select date '1940-01-01' + (i % 30000) as birth) d
    ) x
) p
join bench_grid g on g.n = p.i % (select count(*) from bench_grid);

create unique index resident_one_per_person on resident (id_number_hash);
create index resident_grid on resident (grid_code text_pattern_ops, id);
create index resident_name on resident (name text_pattern_ops);
create index resident_name_grams on resident using gin (name_grams);
create index resident_phone on resident (phone_hash);
create index resident_house on resident (house_id);
create index resident_household on resident (household_id);
create index resident_tags on resident using gin (tags);
-- Settle the table as it would be in service: vacuumed (visibility map and hint bits set) and checkpointed, so the
-- measurement does not share the two CPUs with an autovacuum of ten million fresh rows or a checkpoint flushing them.
vacuum (analyze) resident;
checkpoint;

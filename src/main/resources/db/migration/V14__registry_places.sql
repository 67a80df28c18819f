-- The places and things of a grid beside its people: 场所 (shops, venues, schools, key units…) and 组织 (non-public
-- economic and social organizations, GB/T 31000 domain 5). Like houses, every row sits in one grid, the grid code is
-- the scope every query binds, phones are sealed, and retirement is logical. Changes go to registry_change.

-- 场所: key_flags names the key-unit registers a place is on (安全生产, 消防, 治安), values of KEY_UNIT_FLAG.
create table place (
    id                 bigserial        primary key,
    grid_code          varchar(17)      not null,
    name               text             not null,
    type               text             not null,
    key_flags          text[]           not null default '{}',
    address            text             not null,
    responsible_name   text,
    responsible_phone  bytea,
    lon                double precision,
    lat                double precision,
    verified_at        timestamptz,
    created_at         timestamptz      not null,
    updated_at         timestamptz      not null,
    version            integer          not null default 0,
    retired_at         timestamptz,
    retired_reason     text
);
create index place_grid on place (grid_code text_pattern_ops, id);

-- 组织: one record per unified social credit code (GB 32100) among the active ones; a retired organization may be
-- registered again under the same code.
create table registry_organization (
    id                          bigserial    primary key,
    grid_code                   varchar(17)  not null,
    name                        text         not null,
    kind                        text         not null,
    credit_code                 varchar(18)  not null,
    legal_representative_name   text,
    legal_representative_phone  bytea,
    address                     text,
    employees                   integer,
    verified_at                 timestamptz,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     integer      not null default 0,
    retired_at                  timestamptz,
    retired_reason              text,
    constraint registry_organization_kind check (kind in ('NON_PUBLIC_ECONOMIC', 'SOCIAL')),
    constraint registry_organization_employees check (employees is null or employees >= 0)
);
create unique index registry_organization_credit_code on registry_organization (credit_code) where retired_at is null;
create index registry_organization_grid on registry_organization (grid_code text_pattern_ops, id);

-- Households carry the same record state as every other register (checked on site at, version, retirement).
alter table household add column verified_at timestamptz;
create index household_head on household (head_resident_id);

insert into code_value (code_set, code, name, position) values
    ('PLACE_TYPE', 'SHOP', '商铺', 1),
    ('PLACE_TYPE', 'MARKET', '集贸市场', 2),
    ('PLACE_TYPE', 'RESTAURANT', '餐饮', 3),
    ('PLACE_TYPE', 'HOTEL', '旅馆', 4),
    ('PLACE_TYPE', 'VENUE', '文体娱乐场所', 5),
    ('PLACE_TYPE', 'INTERNET_CAFE', '网吧', 6),
    ('PLACE_TYPE', 'SCHOOL', '学校', 7),
    ('PLACE_TYPE', 'KINDERGARTEN', '幼儿园', 8),
    ('PLACE_TYPE', 'HOSPITAL', '医院', 9),
    ('PLACE_TYPE', 'CLINIC', '诊所、卫生室', 10),
    ('PLACE_TYPE', 'RELIGIOUS_SITE', '宗教活动场所', 11),
    ('PLACE_TYPE', 'GAS_STATION', '加油站', 12),
    ('PLACE_TYPE', 'FACTORY', '生产企业', 13),
    ('PLACE_TYPE', 'WAREHOUSE', '仓储物流', 14),
    ('PLACE_TYPE', 'KEY_UNIT', '其他重点单位', 15),
    ('PLACE_TYPE', 'OTHER', '其他', 16),
    ('KEY_UNIT_FLAG', 'WORK_SAFETY', '安全生产重点', 1),
    ('KEY_UNIT_FLAG', 'FIRE_SAFETY', '消防重点', 2),
    ('KEY_UNIT_FLAG', 'PUBLIC_ORDER', '治安重点', 3),
    ('ORGANIZATION_KIND', 'NON_PUBLIC_ECONOMIC', '非公有制经济组织', 1),
    ('ORGANIZATION_KIND', 'SOCIAL', '社会组织', 2);

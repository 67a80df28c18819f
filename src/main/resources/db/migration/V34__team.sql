-- Grid teams (网格队伍 / 花名册) and cadre assignments (包联).

-- The positions a grid's team has, as data, so that a deployment names its own (一长三员, 网格指导员 …) without a
-- release. A one-per-grid position (网格长) is held by one member of a grid at a time; a position that fixes the
-- employment (专职 / 兼职网格员) gives it to every member who holds it. A small code list: a reference table.
create table team_position (
    code         varchar(32) primary key,
    name         varchar(32) not null,
    name_en      varchar(64) not null,
    sort_order   integer     not null,
    one_per_grid boolean     not null default false,
    employment   varchar(10),
    check (employment is null or employment in ('FULL_TIME', 'PART_TIME'))
);

insert into team_position (code, name, name_en, sort_order, one_per_grid, employment)
values
    ('GRID_LEADER', '网格长', 'Grid leader', 10, true, null),
    ('FULL_TIME_WORKER', '专职网格员', 'Full-time grid worker', 20, false, 'FULL_TIME'),
    ('PART_TIME_WORKER', '兼职网格员', 'Part-time grid worker', 30, false, 'PART_TIME'),
    ('GRID_ASSISTANT', '网格辅助员', 'Grid assistant', 40, false, null),
    ('INFORMANT', '信息员', 'Informant', 50, false, null),
    ('BUILDING_HEAD', '楼栋长', 'Building head', 60, false, null),
    ('HOUSEHOLD_REPRESENTATIVE', '联户代表', 'Household representative', 70, false, null);

-- One row per version of a member of a grid's team; the versions of one member share member_id. A change ends the
-- member's latest version (valid_to) and inserts the next one, leaving ends it, and nothing is overwritten: the
-- roster of any day is the versions with valid_from <= day < valid_to. A version corrected on the day it began ends
-- where it began (valid_to = valid_from) and so belongs to no day's roster, only to the history. The phone is sealed
-- (AES-GCM) with a keyed hash to find it by. Grows with the grids: keyed by county (docs/SCALE.md).
create table team_member (
    county_code      varchar(6)   not null,
    id               bigserial    not null,
    member_id        bigint       not null,
    version          integer      not null,
    grid_code        varchar(20)  not null,
    position_code    varchar(32)  not null references team_position (code),
    employment       varchar(10)  not null,
    name             varchar(50)  not null,
    phone            bytea,
    phone_hash       bytea,
    duties           varchar(500),
    user_id          bigint,
    valid_from       date         not null,
    valid_to         date,
    note             varchar(200),
    recorded_at      timestamptz  not null,
    recorded_by      bigint,
    recorded_by_name varchar(64)  not null,
    ended_at         timestamptz,
    ended_by         bigint,
    ended_by_name    varchar(64),
    end_reason       varchar(200),
    primary key (county_code, id),
    unique (county_code, member_id, version),
    check (left(grid_code, 6) = county_code),
    check (employment in ('FULL_TIME', 'PART_TIME')),
    check (version >= 1),
    check (valid_to is null or valid_to >= valid_from),
    check ((phone is null) = (phone_hash is null))
);
create index team_member_grid on team_member (county_code, grid_code text_pattern_ops, valid_from);
create index team_member_user on team_member (user_id, valid_from) where user_id is not null;
create index team_member_phone on team_member (county_code, phone_hash) where phone_hash is not null;

-- A cadre (包联干部) answering for a township, village or grid for a period: a county leader for a township, a
-- township cadre for a village, a village cadre for a grid. An account where the cadre has one, else a named person
-- with their organization. An assignment is ended, never changed.
create table team_assignment (
    county_code       varchar(6)   not null,
    id                bigserial    not null,
    region_code       varchar(20)  not null,
    cadre_level       varchar(10)  not null,
    user_id           bigint,
    cadre_name        varchar(50)  not null,
    organization_name varchar(100),
    role              varchar(100) not null,
    valid_from        date         not null,
    valid_to          date,
    recorded_at       timestamptz  not null,
    recorded_by       bigint,
    recorded_by_name  varchar(64)  not null,
    ended_at          timestamptz,
    ended_by          bigint,
    ended_by_name     varchar(64),
    end_reason        varchar(200),
    primary key (county_code, id),
    check (left(region_code, 6) = county_code),
    check (length(region_code) in (9, 12, 15)),
    check (cadre_level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    check (valid_to is null or valid_to >= valid_from)
);
create index team_assignment_region on team_assignment (county_code, region_code text_pattern_ops, valid_from);
create index team_assignment_user on team_assignment (user_id) where user_id is not null;

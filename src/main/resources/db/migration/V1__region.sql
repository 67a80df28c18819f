-- The administrative tree. Codes change over the years (townships merged or abolished), so a code has
-- effective-dated rows instead of being overwritten; the row with valid_to null is the current one.
create table region (
    code           varchar(12)  not null,
    valid_from     date         not null,
    valid_to       date,
    name           varchar(100) not null,
    level          varchar(16)  not null,
    parent_code    varchar(12),
    successor_code varchar(12),
    boundary       bytea,
    primary key (code, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create unique index region_current_code on region (code) where valid_to is null;
create index region_current_parent on region (parent_code) where valid_to is null;

-- Why and when grids changed; every grid version points to the adjustment that made or ended it.
create table grid_adjustment (
    id           bigserial    primary key,
    kind         varchar(16)  not null,
    effective_at timestamptz  not null,
    recorded_at  timestamptz  not null,
    reason       text,
    source_codes varchar(20)[] not null default '{}',
    result_codes varchar(20)[] not null default '{}'
);

-- One row per version of a grid. A change closes the current version (valid_to) and inserts a new one, so
-- whatever was recorded under a grid can keep pointing at the version it had at the time.
create table grid (
    id               bigserial        primary key,
    code             varchar(20)      not null,
    name             varchar(100)     not null,
    type             varchar(16)      not null,
    dedicated_kind   varchar(24),
    level            smallint         not null,
    village_code     varchar(12)      not null,
    parent_grid_code varchar(20),
    boundary         bytea            not null,
    min_lon          double precision not null,
    min_lat          double precision not null,
    max_lon          double precision not null,
    max_lat          double precision not null,
    area_m2          double precision not null,
    households       integer          not null default 0,
    population       integer          not null default 0,
    valid_from       timestamptz      not null,
    valid_to         timestamptz,
    created_by       bigint           not null references grid_adjustment (id),
    ended_by         bigint           references grid_adjustment (id),
    check (valid_to is null or valid_to >= valid_from),
    check (level between 1 and 3)
);
create unique index grid_current_code on grid (code) where valid_to is null;
create index grid_code_history on grid (code, valid_from);
create index grid_current_village on grid (village_code) where valid_to is null;
create index grid_current_parent on grid (parent_grid_code) where valid_to is null;

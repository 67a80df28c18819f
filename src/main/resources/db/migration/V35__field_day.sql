-- The shared photo store, and the grid worker's field day: sign-in and sign-out (签到 / 签退) and the field diary (民情日志).

-- Photos any module keeps for its records (a diary entry, a visit, a member): the bytes in the database, so that a
-- backup of the database is a backup of everything. A photo belongs to one record of one module (owner_type,
-- owner_id), or to none yet between its upload and the record that takes it; the owning module decides who sees it.
-- Grows with the population: keyed by county (docs/SCALE.md).
create table photo (
    county_code  varchar(6)   not null,
    id           bigserial    not null,
    owner_type   varchar(40)  not null,
    owner_id     bigint,
    filename     varchar(200) not null,
    content_type varchar(40)  not null,
    size         integer      not null,
    data         bytea        not null,
    uploaded_by  bigint       not null,
    uploaded_at  timestamptz  not null,
    primary key (county_code, id),
    check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    check (size > 0)
);
create index photo_owner on photo (county_code, owner_type, owner_id);
create index photo_unattached on photo (county_code, uploaded_at) where owner_id is null;

-- One sign-in or sign-out of a worker: the time is the server's, the point the phone's (CGCS2000 lon/lat), with the
-- grid the point lies in and whether that is one of the worker's grids. grid_code is the worker's grid the record
-- counts for (the one containing the point, else the worker's first), which supervisors' scopes are matched against.
-- The client's request id makes a resend return the first record. Personal data of the worker: purged after the
-- retention period (gridgov.field.retention).
create table field_sign (
    county_code       varchar(6)       not null,
    id                bigserial        not null,
    user_id           bigint           not null,
    worker_name       varchar(64)      not null,
    kind              varchar(3)       not null,
    day               date             not null,
    at                timestamptz      not null,
    received_at       timestamptz      not null,
    lon               double precision not null,
    lat               double precision not null,
    accuracy          real,
    device            varchar(100),
    grid_code         varchar(20)      not null,
    located_grid_code varchar(20),
    inside            boolean          not null,
    request_id        varchar(64)      not null,
    primary key (county_code, id),
    unique (county_code, user_id, request_id),
    check (kind in ('IN', 'OUT')),
    check (left(grid_code, 6) = county_code)
);
create index field_sign_worker_day on field_sign (county_code, user_id, day);
create index field_sign_grid_day on field_sign (county_code, grid_code, day);
create index field_sign_day on field_sign (county_code, day);

-- A worker's field diary (民情日志): one entry a day, what was seen and what was done, an optional place; editable by
-- its author on its own day only (version counts the edits), closed from the next day on.
create table field_diary (
    county_code varchar(6)       not null,
    id          bigserial        not null,
    user_id     bigint           not null,
    author_name varchar(64)      not null,
    grid_code   varchar(20)      not null,
    day         date             not null,
    seen        varchar(2000)    not null,
    done        varchar(2000),
    lon         double precision,
    lat         double precision,
    request_id  varchar(64)      not null,
    version     integer          not null,
    created_at  timestamptz      not null,
    updated_at  timestamptz      not null,
    primary key (county_code, id),
    unique (county_code, user_id, request_id),
    unique (county_code, user_id, day),
    check (left(grid_code, 6) = county_code),
    check ((lon is null) = (lat is null))
);
create index field_diary_grid_day on field_diary (county_code, grid_code, day);

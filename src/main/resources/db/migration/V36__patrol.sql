-- Patrols (巡查): a grid worker's round in one of their grids, its track and what was reported on the way.

-- One row per patrol. The figures (distance, moving time, coverage) are kept up to date as points arrive and worked
-- out again in full when the patrol stops; tip_* is the last counted point, where the running distance stands, and
-- max_seq the highest point number stored, which tells the device what arrived. A start is idempotent by the
-- client's request id. One patrol of a worker is open (running or paused) at a time. Grows with the workers and with
-- time: keyed by county (docs/SCALE.md).
create table patrol (
    county_code     varchar(6)       not null,
    id              bigserial        not null,
    request_id      varchar(64)      not null,
    user_id         bigint           not null,
    worker_name     varchar(64)      not null,
    grid_code       varchar(20)      not null,
    status          varchar(10)      not null,
    started_at      timestamptz      not null,
    paused_at       timestamptz,
    stopped_at      timestamptz,
    paused_ms       bigint           not null default 0,
    distance_m      double precision not null default 0,
    coverage        double precision,
    point_count     integer          not null default 0,
    track_purged_at timestamptz,
    max_seq         integer,
    tip_seq         integer,
    tip_at          timestamptz,
    tip_lon         double precision,
    tip_lat         double precision,
    primary key (county_code, id),
    unique (county_code, user_id, request_id),
    check (left(grid_code, 6) = county_code),
    check (status in ('RUNNING', 'PAUSED', 'STOPPED')),
    check ((status = 'STOPPED') = (stopped_at is not null)),
    check ((status = 'PAUSED') = (paused_at is not null))
);
create unique index patrol_open on patrol (county_code, user_id) where status <> 'STOPPED';
create index patrol_worker_day on patrol (county_code, user_id, started_at);
create index patrol_grid_day on patrol (county_code, grid_code text_pattern_ops, started_at);
create index patrol_started on patrol (county_code, started_at);
-- What the purge of old tracks (gridgov.field.track-retention) has still to do.
create index patrol_track_kept on patrol (started_at) where track_purged_at is null;

-- Each move of a patrol (START, PAUSE, RESUME, STOP) at the server's time, appended and never changed: the patrol's
-- history, and its pauses (a PAUSE up to the next RESUME or STOP).
create table patrol_step (
    county_code varchar(6)  not null,
    patrol_id   bigint      not null,
    step_no     integer     not null,
    move        varchar(10) not null,
    at          timestamptz not null,
    primary key (county_code, patrol_id, step_no),
    foreign key (county_code, patrol_id) references patrol (county_code, id) on delete cascade,
    check (move in ('START', 'PAUSE', 'RESUME', 'STOP'))
);

-- The track: one narrow row per GPS point, about 670 a second for 20,000 workers at one point every 30 s. The key
-- (county, patrol, client sequence number) makes a resent point a no-op and serves a patrol's track in order, which
-- is what a worker's day reads (the patrols of the day from patrol_worker_day, then their points). Positions are
-- CGCS2000 degrees × 10⁷ in integers (about 1 cm), accuracy in whole metres; flag says whether the point counts for
-- distance: 0 counted, 1 too inaccurate, 2 an impossible speed, 3 recorded while paused or out of order. No id: the
-- key is the identity, and a sequence would cost every insert.
create table track_point (
    county_code varchar(6)  not null,
    patrol_id   bigint      not null,
    seq         integer     not null,
    recorded_at timestamptz not null,
    lon7        integer     not null,
    lat7        integer     not null,
    accuracy    smallint    not null,
    flag        smallint    not null,
    primary key (county_code, patrol_id, seq),
    foreign key (county_code, patrol_id) references patrol (county_code, id) on delete cascade
);

-- Events reported by the worker while the patrol ran, linked from the patrol's side: the event module knows nothing
-- of patrols. Visits will link the same way.
create table patrol_event (
    county_code   varchar(6)   not null,
    patrol_id     bigint       not null,
    event_id      bigint       not null,
    serial_number varchar(32)  not null,
    title         varchar(200) not null,
    reported_at   timestamptz  not null,
    primary key (county_code, patrol_id, event_id),
    foreign key (county_code, patrol_id) references patrol (county_code, id) on delete cascade
);

-- Case numbers run per county and year (一号通 numbering, e.g. 421381-2026-000123).
create table event_serial (
    county_code varchar(6) not null,
    year        integer    not null,
    last_number integer    not null,
    primary key (county_code, year)
);

-- An event (事件/案卷) with its current state, holder and step deadline. The category is a snapshot of the catalog
-- entry at report time, so later catalog versions never change what an event was reported as.
create table event (
    id                 bigserial        primary key,
    serial_number      varchar(24)      not null unique,
    request_id         varchar(64)      unique,
    title              varchar(200)     not null,
    description        text,
    category_code      varchar(16)      not null,
    category_name      varchar(100)     not null,
    major_code         varchar(16)      not null,
    major_name         varchar(100)     not null,
    catalog_version    integer          not null,
    urgency            varchar(12)      not null,
    lon                double precision not null,
    lat                double precision not null,
    address            varchar(300),
    grid_code          varchar(20)      not null,
    grid_version_id    bigint           not null,
    source             varchar(16)      not null,
    reporter_user_id   bigint,
    reporter_name      varchar(50),
    reporter_phone     bytea,
    reporter_phone_hash bytea,
    involved_count     integer          not null default 0,
    status             varchar(16)      not null,
    suspended_from     varchar(16),
    holder_org         varchar(40)      not null,
    dispatcher_org     varchar(40),
    handler_org        varchar(40),
    step               varchar(12),
    step_started_at    timestamptz,
    deadline_at        timestamptz,
    supervision        varchar(8),
    satisfaction       smallint,
    result             text,
    version            integer          not null default 0,
    reported_at        timestamptz      not null,
    closed_at          timestamptz,
    check (satisfaction is null or satisfaction between 1 and 5)
);
create index event_grid on event (grid_code);
create index event_holder_status on event (holder_org, status);
create index event_status_deadline on event (status, deadline_at);
create index event_reported_at on event (reported_at);

-- Every move of every event, appended and never changed: the ledger assessment is computed from.
create table event_history (
    id          bigserial    primary key,
    event_id    bigint       not null references event (id),
    move        varchar(16)  not null,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    from_holder varchar(40),
    to_holder   varchar(40),
    actor_id    bigint,
    actor_name  varchar(64),
    actor_roles varchar(200),
    actor_org   varchar(40),
    note        text,
    deadline_at timestamptz,
    at          timestamptz  not null
);
create index event_history_event on event_history (event_id, id);

create function event_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'event_history is append-only';
end;
$$;
create trigger event_history_no_update before update or delete on event_history
    for each row execute function event_history_is_append_only();
create trigger event_history_no_truncate before truncate on event_history
    for each statement execute function event_history_is_append_only();

-- Duplicates merged into an original: the duplicate ends (REJECTED, move MERGE), its reporter stays on record here.
create table event_merge (
    duplicate_id bigint      primary key references event (id),
    original_id  bigint      not null references event (id),
    merged_at    timestamptz not null,
    merged_by    bigint
);
create index event_merge_original on event_merge (original_id);

-- Photos of an event: taken at the report, at feedback or on verification. Kept in the database so that a backup of
-- the database is a backup of everything; limits keep them small (5 MB, 9 per event).
create table event_attachment (
    id               bigserial    primary key,
    event_id         bigint       not null references event (id),
    filename         varchar(200) not null,
    content_type     varchar(40)  not null,
    size             integer      not null,
    data             bytea        not null,
    uploaded_by      bigint,
    uploaded_by_name varchar(64),
    uploaded_at      timestamptz  not null
);
create index event_attachment_event on event_attachment (event_id, id);

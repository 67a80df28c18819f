-- The hashes of each account's last passwords (the current one included), so that a new password cannot be one of
-- them; the application keeps the newest five per account. Accounts are not per-county data (SCALE.md): like
-- app_user, this is a small table of the identity module.
create table password_history (
    id            bigint       generated always as identity primary key,
    user_id       bigint       not null references app_user (id),
    password_hash varchar(200) not null,
    set_at        timestamptz  not null
);
create index password_history_user on password_history (user_id, set_at desc);

insert into password_history (user_id, password_hash, set_at)
select id, password_hash, greatest(password_changed_at, created_at) from app_user;

-- Browser sessions of every application node (Spring Session JDBC, its PostgreSQL schema): any node serves any
-- request, and an account's sessions can be found by its username (principal_name) and ended.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Centers and departments, each attached to a node of the region tree; a department belongs to a level.
create table organization (
    id          bigserial    primary key,
    code        varchar(40)  not null unique,
    name        varchar(100) not null,
    kind        varchar(16)  not null,
    region_code varchar(12)  not null,
    parent_id   bigint       references organization (id),
    active      boolean      not null default true
);
create index organization_parent on organization (parent_id);

create table app_user (
    id                  bigserial    primary key,
    username            varchar(64)  not null unique,
    real_name           varchar(50)  not null,
    phone_cipher        bytea,
    phone_hash          bytea,
    organization_id     bigint       references organization (id),
    scope_kind          varchar(16)  not null,
    scope_code          varchar(20)  not null,
    status              varchar(16)  not null,
    password_hash       varchar(200) not null,
    password_changed_at timestamptz  not null,
    failed_logins       integer      not null default 0,
    locked_until        timestamptz,
    totp_secret         varchar(64),
    created_at          timestamptz  not null
);
create index app_user_phone_hash on app_user (phone_hash);
create index app_user_organization on app_user (organization_id);

create table user_role (
    user_id bigint      not null references app_user (id),
    role    varchar(32) not null,
    primary key (user_id, role)
);

-- Grids a grid worker covers; one worker may cover several (兼管多格).
create table user_grid (
    user_id   bigint      not null references app_user (id),
    grid_code varchar(20) not null,
    primary key (user_id, grid_code)
);

-- Bearer tokens for mobile and API clients, stored only as hashes; revocable one by one or by family.
create table api_token (
    id         bigserial   primary key,
    user_id    bigint      not null references app_user (id),
    kind       varchar(8)  not null,
    token_hash bytea       not null unique,
    family     uuid        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_family on api_token (family);
create index api_token_user on api_token (user_id);

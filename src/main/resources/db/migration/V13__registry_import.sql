-- Imports of registry workbooks: one job per uploaded file, run in the background, and the rows it refused with the
-- field and reason, so that the person who uploaded it can correct the rows and upload them again. The scope prefix
-- is the uploader's at the start: the job, its report and its rejections belong to that part of the tree.
create table registry_import (
    id               bigserial    primary key,
    kind             text         not null,
    file_name        text         not null,
    started_by       bigint       not null,
    started_by_name  text,
    scope_prefix     varchar(17)  not null,
    status           text         not null default 'RUNNING',
    total_rows       integer      not null default 0,
    accepted         integer      not null default 0,
    rejected         integer      not null default 0,
    failure          text,
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    constraint registry_import_status check (status in ('RUNNING', 'DONE', 'FAILED'))
);
create index registry_import_scope on registry_import (scope_prefix text_pattern_ops, id);

-- One problem of one refused row. The row's ID number is kept masked only: a refused row is not a registered person.
create table registry_import_rejection (
    id                bigserial  primary key,
    import_id         bigint     not null references registry_import (id),
    row_number        integer    not null,
    name              text,
    id_number_masked  text,
    field             text       not null,
    code              text       not null,
    message           text       not null,
    message_en        text       not null
);
create index registry_import_rejection_row on registry_import_rejection (import_id, row_number, id);

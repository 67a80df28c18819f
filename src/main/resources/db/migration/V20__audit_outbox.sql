-- Audit outbox: the audit record of a request under way, written in the same transaction as each change the request
-- commits, so that a crash between that commit and the record's place in the hash chain cannot lose the record.
-- When the request ends, its record (with the answer given) is appended to audit_log and these rows are deleted in
-- one transaction; rows a crash left behind become audit_log records of their own ("answer not recorded") within
-- minutes, on whichever node sweeps first. The table holds only requests under way, so it stays small.
--
-- Per county (shared/SCALE.md): a row is written beside the change it vouches for, so on a database sharded by
-- county it lives on that county's shard and the business transaction stays on one node. county_code is the county
-- of the acting user's organization; requests of no known county use '000000'.
-- The hash chain itself (audit_log) stays one deployment-wide sequence: its order and links are what make a removed
-- record detectable, and it is appended to by one writer at a time outside business transactions.
create table audit_outbox (
    county_code    text        not null,
    id             bigint      generated always as identity,
    -- Time of the commit, not of the transaction's start: the sweep waits a few minutes from here.
    created_at     timestamptz not null default clock_timestamp(),
    user_id        bigint,
    username       text,
    roles          text,
    organization   text,
    action         text        not null,
    object_type    text,
    object_id      text,
    result         text        not null,
    purpose        text,
    detail         text,
    client_address text,
    input_problems text,
    primary key (county_code, id)
);

create index audit_outbox_created_at on audit_outbox (created_at);

comment on table audit_outbox is
    'Audit records of requests under way, written in the transaction of each change; moved to audit_log when the '
    'request ends or, after a crash, by the sweep.';

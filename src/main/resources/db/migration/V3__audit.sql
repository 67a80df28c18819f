-- Security audit log (GB/T 22239-2019 level 3): append-only and hash-chained, kept at least six months.
create table audit_log (
    id             bigserial primary key,
    recorded_at    timestamptz not null,
    user_id        bigint,
    username       text,
    roles          text,
    organization   text,
    action         text not null,
    object_type    text,
    object_id      text,
    result         text not null,
    purpose        text,
    detail         text,
    client_address text,
    -- What was wrong with the caller's input (a missing purpose, a truncated field); the entry is kept regardless.
    input_problems text,
    prev_hash      bytea,
    hash           bytea not null,
    constraint audit_log_hash_is_sha256 check (octet_length(hash) = 32),
    -- Two rows claiming the same predecessor would be a fork; this holds even for a writer that skips the lock.
    constraint audit_log_one_successor unique nulls not distinct (prev_hash)
);

create index audit_log_recorded_at on audit_log (recorded_at desc, id desc);
create index audit_log_username on audit_log (username, recorded_at desc);
create index audit_log_user_id on audit_log (user_id, recorded_at desc);
create index audit_log_action on audit_log (action, recorded_at desc);

create function audit_log_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Audit records are never changed or deleted; archiving is a database-administration task.';
end
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_refuse_change();

comment on table audit_log is
    'Security audit log: append-only (triggers refuse update, delete, truncate), SHA-256 hash chain in id order, '
    'kept at least 6 months (Cybersecurity Law art. 21).';

-- A deployment's own registers and their entries are kept up, not only added: a change carries the version it was
-- read at, the row remembers who changed it last, and retirement is logical with a reason. What changed, old → new,
-- goes to registry_change (REGISTER_TYPE, REGISTER_ENTRY).

alter table register_type
    add column version          integer      not null default 0,
    add column updated_at       timestamptz,
    add column updated_by_name  text,
    add column retired_at       timestamptz,
    add column retired_reason   text;
update register_type set updated_at = created_at, updated_by_name = created_by_name;
alter table register_type
    alter column updated_at set not null,
    add constraint register_type_retired check ((retired_at is null) = (retired_reason is null));

alter table register_entry
    add column version          integer      not null default 0,
    add column updated_at       timestamptz,
    add column updated_by_name  text,
    add column retired_at       timestamptz,
    add column retired_reason   text;
update register_entry set updated_at = created_at, updated_by_name = actor_name;
alter table register_entry
    alter column updated_at set not null,
    add constraint register_entry_retired check ((retired_at is null) = (retired_reason is null));


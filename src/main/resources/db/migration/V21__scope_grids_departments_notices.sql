-- Departments see the events that reached them: held, handled, acted on (history) or copied to them. These
-- indexes serve those look-ups by organization.
create index event_history_to_holder on event_history (to_holder, event_id);
create index event_history_actor_org on event_history (actor_org, event_id);
create index event_copy_organization on event_copy (organization_code, event_id);

-- Notices are addressed to those who can act on them: members of the recipient organization who hold one of
-- `permissions` and whose scope covers `grid_code` (the event's grid); null in either means no such condition.
-- Read state is kept per person in notification_read. Notifications grow with the events, so both tables carry
-- county_code and their keys include it.
alter table notification add column county_code varchar(6);
alter table notification add column grid_code varchar(20);
alter table notification add column permissions text[];

update notification n set county_code = left(e.grid_code, 6), grid_code = e.grid_code
from event e
where e.id = n.event_id;
update notification n set county_code = left(o.region_code, 6)
from organization o
where n.county_code is null and o.code = n.recipient_org;
update notification set county_code = left(recipient_org, 6) where county_code is null;
alter table notification alter column county_code set not null;

-- Notices made before addressing by permission: a card asked its step's permission of the holder and oversight of
-- the center above (whose operators dispatch and whose leaders supervise); the moves asked what their kind says.
update notification set permissions = case
    when kind in ('DEADLINE_YELLOW', 'DEADLINE_RED') then
        array[case split_part(dedupe_key, '@', 1)
                  when 'ACCEPT' then 'event:accept'
                  when 'DISPATCH' then 'event:dispatch'
                  when 'VERIFY' then 'event:verify'
                  else 'event:handle' end,
              'event:dispatch', 'event:supervise']
    when kind in ('DISPATCHED', 'REWORK') then array['event:handle']
    when kind = 'RETURNED' then array['event:dispatch']
    when kind = 'ESCALATED' then array['event:accept']
    else array['event:accept', 'event:dispatch', 'event:handle', 'event:verify'] end;

alter table notification drop constraint notification_pkey;
alter table notification add primary key (county_code, id);
do $$
declare
    unique_name text;
begin
    select conname into unique_name from pg_constraint
    where conrelid = 'notification'::regclass and contype = 'u';
    execute format('alter table notification drop constraint %I', unique_name);
end;
$$;
alter table notification add constraint notification_once
    unique nulls not distinct (county_code, kind, event_id, recipient_org, recipient_user, dedupe_key);

create table notification_read (
    county_code     varchar(6)  not null,
    notification_id bigint      not null,
    user_id         bigint      not null references app_user (id),
    read_at         timestamptz not null,
    primary key (county_code, notification_id, user_id),
    foreign key (county_code, notification_id) references notification (county_code, id)
);

-- What was read for a whole organization stays read for each of its members, and a personal notice for its person.
insert into notification_read (county_code, notification_id, user_id, read_at)
select n.county_code, n.id, u.id, n.read_at
from notification n
join organization o on o.code = n.recipient_org
join app_user u on u.organization_id = o.id
where n.read_at is not null and n.recipient_user is null;
insert into notification_read (county_code, notification_id, user_id, read_at)
select n.county_code, n.id, n.recipient_user, n.read_at
from notification n
where n.read_at is not null and n.recipient_user is not null;

alter table notification drop column read_at;

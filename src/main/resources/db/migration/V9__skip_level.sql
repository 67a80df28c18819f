-- 越级上报: rules by category (a major covers its minors) and urgency that send a report straight to a higher
-- center, with copies to listed organizations. Part of the catalog's configuration, editable as data.
create table skip_level_rule (
    id            serial      primary key,
    category_code varchar(16) not null,
    urgency       varchar(12) not null,
    target_level  varchar(12) not null check (target_level in ('TOWNSHIP', 'COUNTY')),
    copy_orgs     varchar(40)[] not null default '{}',
    unique (category_code, urgency)
);
insert into skip_level_rule (category_code, urgency, target_level, copy_orgs) values
    ('ZZ03', 'EMERGENCY', 'COUNTY', '{}'),
    ('ZZ02', 'EMERGENCY', 'COUNTY', '{}'),
    ('ZZ01', 'EMERGENCY', 'COUNTY', '{}'),
    ('0302', 'URGENT', 'COUNTY', '{421381-cgj}'),
    ('03', 'EMERGENCY', 'COUNTY', '{421381-cgj}');

-- Organizations an event was copied to (抄送): they see it in their "copied" list.
create table event_copy (
    event_id          bigint      not null references event (id),
    organization_code varchar(40) not null,
    copied_at         timestamptz not null,
    primary key (event_id, organization_code)
);

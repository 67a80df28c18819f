-- 走访: visits of a household, a house, a place or a person, and the schedules that say how often each is due. A
-- special group's follow-up (follow_up) is one kind of visit: every follow-up is kept as a visit too, those made
-- before this release included, and the follow-up row stays the group's own history.

-- The schedules of a deployment (走访计划的规则): which records are visited and every how many days. selection names
-- one of the sets the application knows: ALL (every active record of the kind), RENTAL (rental houses), KEY (places
-- on a key-unit register), NOT_KEY (the other places), GROUP_MEMBER (people in a special group or among service
-- recipients, each at the frequency of their registration, so interval_days is empty). A reference table: the same
-- rows on every node (docs/SCALE.md).
create table visit_schedule (
    code           varchar(40)  primary key,
    name           text         not null,
    name_en        text         not null,
    subject_kind   varchar(10)  not null,
    selection      varchar(20)  not null,
    interval_days  integer,
    active         boolean      not null default true,
    position       integer      not null,
    updated_at     timestamptz,
    updated_by     text,
    constraint visit_schedule_kind check (subject_kind in ('HOUSEHOLD', 'HOUSE', 'PLACE', 'PERSON')),
    constraint visit_schedule_selection check (
        (subject_kind = 'HOUSEHOLD' and selection = 'ALL')
        or (subject_kind = 'HOUSE' and selection in ('ALL', 'RENTAL'))
        or (subject_kind = 'PLACE' and selection in ('ALL', 'KEY', 'NOT_KEY'))
        or (subject_kind = 'PERSON' and selection = 'GROUP_MEMBER')),
    constraint visit_schedule_interval check (
        (selection = 'GROUP_MEMBER' and interval_days is null)
        or (selection <> 'GROUP_MEMBER' and interval_days between 1 and 366))
);
insert into visit_schedule (code, name, name_en, subject_kind, selection, interval_days, position) values
    ('HOUSEHOLD_QUARTERLY', '住户走访（每户每季度）', 'Households, each once a quarter', 'HOUSEHOLD', 'ALL', 90, 1),
    ('RENTAL_HOUSE_MONTHLY', '出租房屋（每月）', 'Rental houses, monthly', 'HOUSE', 'RENTAL', 30, 2),
    ('KEY_PLACE_WEEKLY', '重点场所（每周）', 'Key places, weekly', 'PLACE', 'KEY', 7, 3),
    ('PLACE_QUARTERLY', '一般场所（每季度）', 'Other places, quarterly', 'PLACE', 'NOT_KEY', 90, 4),
    ('GROUP_MEMBER', '重点人员（按登记的走访周期）', 'People under attention, at their registration''s frequency',
        'PERSON', 'GROUP_MEMBER', null, 5);

-- One visit. subject_name is what the record was called on the day (a household's number and head, a house's
-- address, a place's name, a person's name), so that a list needs no join per kind; grid_code is the record's grid
-- then, which scopes are matched against. member_id and follow_up_id name the group registration a visit followed
-- up; sensitive marks those of a special group, readable with special:read only. The point is the phone's, when it
-- had one. A visit made without a network is sent later under its request id, and counts at the time of the visit.
-- Append-only: a wrong visit is corrected by another. Grows with the population: keyed by county (docs/SCALE.md).
create table visit (
    county_code   varchar(6)        not null,
    id            bigserial         not null,
    grid_code     varchar(20)       not null,
    subject_kind  varchar(10)       not null,
    subject_id    bigint            not null,
    subject_name  text              not null,
    member_id     bigint,
    follow_up_id  bigint,
    sensitive     boolean           not null default false,
    purpose       varchar(12)       not null,
    method        varchar(6)        not null,
    content       text              not null,
    done_on       date              not null,
    visited_at    timestamptz       not null,
    received_at   timestamptz       not null,
    lon           double precision,
    lat           double precision,
    accuracy      real,
    user_id       bigint,
    actor_name    varchar(64),
    request_id    varchar(64),
    primary key (county_code, id),
    unique (county_code, user_id, request_id),
    constraint visit_kind check (subject_kind in ('HOUSEHOLD', 'HOUSE', 'PLACE', 'PERSON')),
    constraint visit_purpose check (purpose in ('ROUTINE', 'FOLLOW_UP', 'HELP', 'SAFETY', 'VERIFY', 'SERVICE', 'DISPUTE')),
    constraint visit_method check (method in ('VISIT', 'PHONE')),
    constraint visit_point check ((lon is null) = (lat is null)),
    constraint visit_county check (left(grid_code, 6) = county_code)
);
create index visit_subject on visit (county_code, subject_kind, subject_id, done_on desc);
create index visit_grid_day on visit (county_code, grid_code, done_on);
create index visit_worker_day on visit (county_code, user_id, done_on);

-- The follow-ups made so far, each as the visit it was: HELP was a visit to help, PHONE a call.
insert into visit (county_code, grid_code, subject_kind, subject_id, subject_name, member_id, follow_up_id, sensitive,
                   purpose, method, content, done_on, visited_at, received_at, user_id, actor_name)
select left(r.grid_code, 6), r.grid_code, 'PERSON', r.id, r.name, m.id, f.id, t.category = 'SPECIAL',
       case f.kind when 'HELP' then 'HELP' else 'FOLLOW_UP' end,
       case f.kind when 'PHONE' then 'PHONE' else 'VISIT' end,
       f.content, f.done_on,
       least(f.created_at, (f.done_on + time '10:00') at time zone 'Asia/Shanghai'), f.created_at, f.actor_id,
       left(f.actor_name, 64)
from follow_up f
join person_group_member m on m.id = f.member_id
join person_group_type t on t.code = m.group_code
join resident r on r.id = m.resident_id
where length(r.grid_code) >= 6
order by f.id;

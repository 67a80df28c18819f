-- The event loop's own rules, kept as data where they are choices: who handled a case (so that someone else verifies
-- it), reports that name their grid without a point, what the history must show people, and how far automatic
-- escalation reaches.

-- A hotline call or a resident may name the grid without a point: the grid given is kept, lon and lat stay null.
alter table event
    alter column lon drop not null,
    alter column lat drop not null,
    add constraint event_point_whole check ((lon is null) = (lat is null));

-- The user who last handled the case (resolved it on the spot or fed back the result): the verifier must be someone
-- else.
alter table event add column handled_by bigint;

-- History rows say who acted by the name people know (the login name stays in actor_name for the audit trail), the
-- satisfaction a return visit recorded (each closing is rated anew, the earlier ratings stay here), and for a
-- supervision its level and whether the organization holding the case pressed it itself (本单位督办).
alter table event_history
    add column actor_real_name  varchar(50),
    add column satisfaction     smallint check (satisfaction between 1 and 5),
    add column supervision      varchar(8) check (supervision in ('NORMAL', 'YELLOW', 'RED')),
    add column own_organization boolean;

-- Rows written before these columns existed get them once, from what the rows and the accounts already hold: the
-- recorded facts do not change, so the append-only guard steps aside for this one statement set.
alter table event_history disable trigger event_history_no_update;
update event_history h set actor_real_name = u.real_name
from app_user u
where u.id = h.actor_id and h.actor_real_name is null;
update event_history h set satisfaction = e.satisfaction
from event e
where h.move = 'RATE' and e.id = h.event_id and e.satisfaction is not null and h.satisfaction is null;
update event_history set supervision = substring(note from '^(NORMAL|YELLOW|RED): '),
                         note = substring(note from '^(?:NORMAL|YELLOW|RED): (.*)$')
where move = 'SUPERVISE' and note ~ '^(NORMAL|YELLOW|RED): ';
alter table event_history enable trigger event_history_no_update;

-- The reach of automatic escalation, per category (a major covers its minors) and urgency. It acts on the RED card
-- of a step whose time-limit rule escalates on its own (time_limit_rule.auto_escalate):
--   escalate_up_to     a case still at a center (REPORTED, ACCEPTED) goes to the next center up, but never above this
--                      level (TOWNSHIP or COUNTY); NONE keeps it where it is, the card being the notice;
--   supervise_assignee a case at its assignee (a department or a lower center: DISPATCHED, CLAIMED) is supervised
--                      (督办, red) by the platform in the name of the center that dispatched it.
-- A category and urgency without a row escalates up to the county and does not supervise.
create table auto_escalation_rule (
    id                 bigserial   primary key,
    category_code      varchar(16) not null,
    urgency            varchar(12) not null,
    escalate_up_to     varchar(12) not null,
    supervise_assignee boolean     not null,
    check (urgency in ('NORMAL', 'URGENT', 'EMERGENCY')),
    check (escalate_up_to in ('NONE', 'TOWNSHIP', 'COUNTY')),
    unique (category_code, urgency)
);

-- Urgent and emergency cases of every major: up to the county, and an overdue assignee is pressed by its dispatcher.
insert into auto_escalation_rule (category_code, urgency, escalate_up_to, supervise_assignee)
select distinct c.code, u.urgency, 'COUNTY', true
from event_category c
cross join (values ('URGENT'), ('EMERGENCY')) as u (urgency)
where c.kind = 'MAJOR'
on conflict do nothing;

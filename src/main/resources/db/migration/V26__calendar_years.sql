-- The working calendar by year: which years the county has entered from the State Council notice, what each change
-- of a day was (old → new, by whom), and which event deadlines were counted into a year the calendar lacked.
--
-- Like calendar_day these tables hold nothing of any one region: the calendar is the deployment's, a few dozen rows a
-- year, copied to every node as reference tables once the schema is sharded.

-- A year is entered once its holidays and 调休 working days are complete; until then a deadline counted into it
-- treats its weekdays as working days and is only provisional.
create table calendar_year (
    year            integer     primary key,
    entered_at      timestamptz not null,
    entered_by      bigint,
    entered_by_name varchar(64),
    check (year between 2000 and 2100)
);

comment on table calendar_year is
    'Years whose holidays are entered in calendar_day. A deadline counted into a year not listed here is provisional '
    '(event.deadline_provisional) and is counted again when the year is entered.';

-- The years seeded by V5, from the notices of 2024-11-12 and 2025-11-04.
insert into calendar_year (year, entered_at, entered_by_name)
select distinct extract(year from day)::integer, now(), 'V5__working_calendar'
from calendar_day;

-- Every change of an exception day, appended in the transaction of the change: the old and the new kind and name
-- (null for a day that was, or became, an ordinary day of the Monday-Friday week).
create table calendar_change (
    id              bigint       generated always as identity primary key,
    day             date         not null,
    old_kind        varchar(8)   check (old_kind in ('HOLIDAY', 'WORKDAY')),
    old_name        varchar(50),
    new_kind        varchar(8)   check (new_kind in ('HOLIDAY', 'WORKDAY')),
    new_name        varchar(50),
    -- DAY: one day set or removed; YEAR: part of entering a whole year.
    source          varchar(8)   not null check (source in ('DAY', 'YEAR')),
    changed_by      bigint,
    changed_by_name varchar(64),
    changed_at      timestamptz  not null
);
create index calendar_change_day on calendar_change (day, id);

-- Set when the running step's deadline was counted into a year not yet entered; such deadlines are counted again
-- from the step's start when the year is entered.
alter table event add column deadline_provisional boolean not null default false;
create index event_deadline_provisional on event (id) where deadline_provisional;

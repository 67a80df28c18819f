-- Assessment (考核): schemes, closed periods with their frozen results, and adjustments (加分 / 扣分).

-- Indexes the event work lists and the assessment read by: a grid prefix with a period (text_pattern_ops serves
-- LIKE 'prefix%' whatever the collation), a reporter's events, an actor's moves, moves of one kind in a period.
create index event_grid_reported on event (grid_code text_pattern_ops, reported_at);
drop index event_grid;
create index event_reporter on event (reporter_user_id, reported_at) where reporter_user_id is not null;
create index event_history_actor on event_history (actor_id, at) where actor_id is not null;
create index event_history_move_at on event_history (move, at);

-- How scores are made for a subject type, from a period on; region '' is the whole deployment, a region's own row
-- wins over it. Weights and points off are keyed by indicator name; vetoes are 一票否决 rules.
create table assessment_scheme (
    id              bigserial    primary key,
    region_code     varchar(12)  not null,
    subject_type    varchar(12)  not null,
    effective_from  date         not null,
    weights         jsonb        not null,
    penalties       jsonb        not null,
    excellent_min   numeric(5,2) not null,
    good_min        numeric(5,2) not null,
    pass_min        numeric(5,2) not null,
    excellent_share numeric(4,3),
    report_quota    integer      not null,
    vetoes          jsonb        not null default '[]',
    created_by      bigint,
    created_at      timestamptz  not null,
    unique (region_code, subject_type, effective_from),
    check (subject_type in ('WORKER', 'GRID', 'VILLAGE', 'TOWNSHIP', 'COUNTY', 'DEPARTMENT')),
    check (extract(day from effective_from) = 1),
    check (pass_min <= good_min and good_min <= excellent_min),
    check (excellent_share is null or excellent_share between 0 and 1),
    check (report_quota >= 0)
);

-- The deployment's defaults (CJ/T 292 / GB/T 30428.4 weigh departments 结案率 30, 按期处置率 30, 1-返工率 30). The
-- share resolved on the spot is shown but not weighted for regions: a good share depends on what is reported.
insert into assessment_scheme (region_code, subject_type, effective_from, weights, penalties, excellent_min, good_min,
    pass_min, excellent_share, report_quota, vetoes, created_at)
values
    ('', 'WORKER', date '2000-01-01',
     '{"REPORTS": 50, "VALID_REPORTS": 20, "ON_THE_SPOT": 10, "SATISFACTION": 20}', '{}',
     90, 75, 60, 0.2, 4, '[]', now()),
    ('', 'GRID', date '2000-01-01',
     '{"REPORTS": 20, "CLOSE_RATE": 25, "ON_TIME_CLOSE": 30, "SATISFACTION": 25}',
     '{"RED_CARDS": 2, "YELLOW_CARDS": 0.5, "SUPERVISED": 1}', 90, 75, 60, 0.2, 4, '[]', now()),
    ('', 'VILLAGE', date '2000-01-01',
     '{"REPORTS": 20, "CLOSE_RATE": 25, "ON_TIME_CLOSE": 30, "SATISFACTION": 25}',
     '{"RED_CARDS": 2, "YELLOW_CARDS": 0.5, "SUPERVISED": 1}', 90, 75, 60, 0.2, 4, '[]', now()),
    ('', 'TOWNSHIP', date '2000-01-01',
     '{"REPORTS": 20, "CLOSE_RATE": 25, "ON_TIME_CLOSE": 30, "SATISFACTION": 25}',
     '{"RED_CARDS": 1, "YELLOW_CARDS": 0.25, "SUPERVISED": 0.5}', 90, 75, 60, 0.2, 4, '[]', now()),
    ('', 'COUNTY', date '2000-01-01',
     '{"REPORTS": 20, "CLOSE_RATE": 25, "ON_TIME_CLOSE": 30, "SATISFACTION": 25}',
     '{"RED_CARDS": 0.1, "YELLOW_CARDS": 0.02}', 90, 75, 60, 0.2, 4, '[]', now()),
    ('', 'DEPARTMENT', date '2000-01-01',
     '{"CLOSE_RATE": 30, "ON_TIME_HANDLE": 30, "REWORK": 30, "RETURNS": 10}',
     '{"RED_CARDS": 2, "YELLOW_CARDS": 0.5, "SUPERVISED": 1}', 90, 75, 60, 0.2, 4, '[]', now());

-- A period closed for a county: its results are frozen in assessment_result; later corrections are adjustments.
create table assessment_period (
    county_code varchar(6)  not null,
    period      varchar(7)  not null,
    closed_at   timestamptz not null,
    closed_by   bigint,
    closer_name varchar(64) not null,
    primary key (county_code, period)
);

-- The frozen result of every subject of a closed period, with its figures as they were counted.
create table assessment_result (
    county_code  varchar(6)   not null,
    period       varchar(7)   not null,
    subject      varchar(60)  not null,
    subject_type varchar(12)  not null,
    name         varchar(100) not null,
    region_code  varchar(20)  not null,
    base_score   numeric(6,2),
    veto         varchar(200),
    figures      jsonb        not null,
    primary key (county_code, period, subject),
    foreign key (county_code, period) references assessment_period (county_code, period)
);
create index assessment_result_type on assessment_result (county_code, period, subject_type);

-- 加分 / 扣分 with a reason: entered by one person, decided by another.
create table assessment_adjustment (
    id            bigserial    not null,
    county_code   varchar(6)   not null,
    period        varchar(7)   not null,
    subject       varchar(60)  not null,
    subject_name  varchar(100) not null,
    region_code   varchar(20)  not null,
    points        numeric(5,2) not null,
    reason        varchar(500) not null,
    status        varchar(10)  not null default 'PENDING',
    entered_by    bigint       not null,
    entered_name  varchar(64)  not null,
    entered_at    timestamptz  not null,
    decided_by    bigint,
    decider_name  varchar(64),
    decision_note varchar(500),
    decided_at    timestamptz,
    primary key (county_code, id),
    check (points <> 0 and points between -100 and 100),
    check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    check ((status = 'PENDING') = (decided_at is null)),
    check (decided_by is null or decided_by <> entered_by)
);
create index assessment_adjustment_period on assessment_adjustment (county_code, period, status);
create index assessment_adjustment_region on assessment_adjustment (county_code, region_code text_pattern_ops);

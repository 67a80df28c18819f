-- Dashboard rollups of the events (大屏 figures), kept by the application in the transaction of every move and
-- checked against the event tables by RollupCheck. Each row is counted twice, once per grain: the day (DAY) and its
-- month (MONTH, period = the month's first day), both as the working calendar's zone counts days, so that a long
-- period reads months and only its ragged ends read days. Per county (SCALE.md): county_code leads every key.

-- Events reported in a period, by the status they are in now: a move takes one from its old status's row to the new
-- one's, in the row of the day the event was reported.
create table event_rollup (
    county_code   varchar(6)  not null,
    grain         varchar(5)  not null,
    period        date        not null,
    township_code varchar(9)  not null,
    category_code varchar(16) not null,
    status        varchar(16) not null,
    events        integer     not null,
    primary key (county_code, grain, period, township_code, category_code, status),
    check (grain in ('DAY', 'MONTH'))
) with (fillfactor = 90);

-- Closings (VERIFY_PASS) in a period, and those of them with no step past its deadline up to the closing (按期结案,
-- the assessment's ON_TIME_CLOSE rule). A reopened event that closes again counts a second closing.
create table event_closing_rollup (
    county_code   varchar(6)  not null,
    grain         varchar(5)  not null,
    period        date        not null,
    township_code varchar(9)  not null,
    category_code varchar(16) not null,
    closed        integer     not null,
    on_time       integer     not null,
    primary key (county_code, grain, period, township_code, category_code),
    check (grain in ('DAY', 'MONTH'))
) with (fillfactor = 90);

-- Figures above one county (a city, the province) read a period of every county.
create index event_rollup_period on event_rollup (grain, period, county_code);
create index event_closing_rollup_period on event_closing_rollup (grain, period, county_code);

-- The event work lists at province scale (docs/BENCHMARKS.md): the overdue box reads the open events of a region by
-- deadline, and a region's list narrowed to a category reads the category inside the region's range of grid codes.
create index event_open_grid_deadline on event (grid_code text_pattern_ops, deadline_at)
    where status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK');
create index event_grid_category_reported on event (grid_code text_pattern_ops, category_code text_pattern_ops,
                                                    reported_at);

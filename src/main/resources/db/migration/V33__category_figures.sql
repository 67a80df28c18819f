-- Rollup rows of a county by category, without township: the figures by category of a county or of anything above it
-- (a city, the province). The fine rows keep each township apart, so that a province's month by category summed some
-- hundred thousand rows (117 ms at 10,000,000 events); these are keyed by county, period, category and status, ten
-- times fewer. Same tables, same statement, same check as the others: grain CATEGORY_DAY and CATEGORY_MONTH, with
-- township_code empty and category_code set.
alter table event_rollup alter column grain type varchar(16);
alter table event_rollup drop constraint event_rollup_grain_check;
alter table event_rollup add constraint event_rollup_grain_check check (
    grain in ('DAY', 'MONTH') and township_code <> ''
    or grain in ('COUNTY_DAY', 'COUNTY_MONTH') and township_code = '' and category_code = ''
    or grain in ('CATEGORY_DAY', 'CATEGORY_MONTH') and township_code = '' and category_code <> '');

alter table event_closing_rollup alter column grain type varchar(16);
alter table event_closing_rollup drop constraint event_closing_rollup_grain_check;
alter table event_closing_rollup add constraint event_closing_rollup_grain_check check (
    grain in ('DAY', 'MONTH') and township_code <> ''
    or grain in ('COUNTY_DAY', 'COUNTY_MONTH') and township_code = '' and category_code = ''
    or grain in ('CATEGORY_DAY', 'CATEGORY_MONTH') and township_code = '' and category_code <> '');

-- The category rows of what the fine rows already hold (a deployment that has events and rollups).
insert into event_rollup (county_code, grain, period, township_code, category_code, status, events)
select county_code, 'CATEGORY_' || grain, period, '', category_code, status, sum(events)
from event_rollup
where grain in ('DAY', 'MONTH')
group by county_code, grain, period, category_code, status
having sum(events) <> 0;

insert into event_closing_rollup (county_code, grain, period, township_code, category_code, closed, on_time)
select county_code, 'CATEGORY_' || grain, period, '', category_code, sum(closed), sum(on_time)
from event_closing_rollup
where grain in ('DAY', 'MONTH')
group by county_code, grain, period, category_code
having sum(closed) <> 0 or sum(on_time) <> 0;

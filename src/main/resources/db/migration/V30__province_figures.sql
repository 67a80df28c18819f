-- Coarse rollup rows for figures that need neither township nor category: a county's figures by day, month or status,
-- and every figure above a county (a city, the province by county). The fine rows of V29 are keyed by township and
-- minor category and hardly compress at province scale (about 1.3 day rows per event); these are keyed by county,
-- period and status alone, so that a province's year reads some ten thousand rows instead of millions. They live in the
-- same tables, written by the same statement as the fine rows and checked by the same check: grain COUNTY_DAY and
-- COUNTY_MONTH, with township_code and category_code empty.
alter table event_rollup alter column grain type varchar(12);
alter table event_rollup drop constraint event_rollup_grain_check;
alter table event_rollup add constraint event_rollup_grain_check check (
    grain in ('DAY', 'MONTH') and township_code <> ''
    or grain in ('COUNTY_DAY', 'COUNTY_MONTH') and township_code = '' and category_code = '');

alter table event_closing_rollup alter column grain type varchar(12);
alter table event_closing_rollup drop constraint event_closing_rollup_grain_check;
alter table event_closing_rollup add constraint event_closing_rollup_grain_check check (
    grain in ('DAY', 'MONTH') and township_code <> ''
    or grain in ('COUNTY_DAY', 'COUNTY_MONTH') and township_code = '' and category_code = '');

-- The coarse rows of what the fine rows already hold (a deployment that has events and rollups).
insert into event_rollup (county_code, grain, period, township_code, category_code, status, events)
select county_code, 'COUNTY_' || grain, period, '', '', status, sum(events)
from event_rollup
where grain in ('DAY', 'MONTH')
group by county_code, grain, period, status
having sum(events) <> 0;

insert into event_closing_rollup (county_code, grain, period, township_code, category_code, closed, on_time)
select county_code, 'COUNTY_' || grain, period, '', '', sum(closed), sum(on_time)
from event_closing_rollup
where grain in ('DAY', 'MONTH')
group by county_code, grain, period
having sum(closed) <> 0 or sum(on_time) <> 0;

-- A township's figures read its own rows, not every township's rows of its county and period.
create index event_rollup_township on event_rollup (county_code, township_code, grain, period);
create index event_closing_rollup_township on event_closing_rollup (county_code, township_code, grain, period);

-- The event work lists of a county or a township, newest first: the list names the county and township of its region
-- as equalities on these, so that a page reads the region's newest events rather than sorting all of them.
create index event_county_reported on event (left(grid_code, 6), reported_at desc, id desc);
create index event_township_reported on event (left(grid_code, 9), reported_at desc, id desc);
-- A county's count of one category (or a major category's minors) reads only these entries, without the rows.
create index event_county_category on event (left(grid_code, 6), category_code text_pattern_ops) include (grid_code);

-- Frozen assessment results keep each figure as [indicator, numerator, denominator, value, weight, contribution]; the
-- labels are the indicator's and are no longer repeated in every row (ResultRepository).
update assessment_result r
set figures = (select jsonb_agg(jsonb_build_array(f -> 'indicator', f -> 'numerator', f -> 'denominator',
                                                  f -> 'value', f -> 'weight', f -> 'contribution')
                                order by n)
               from jsonb_array_elements(r.figures) with ordinality as e (f, n))
where jsonb_typeof(r.figures -> 0) = 'object';

-- The dispatches a county's departments received in a period (the department subjects' items), read per department
-- rather than from every dispatch of the period across all counties.
create index event_history_dispatch_receiver on event_history (to_holder, at) where move = 'DISPATCH';

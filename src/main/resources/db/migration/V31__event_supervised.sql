-- The supervised cases (督办件) still open, as a leader's home counts them and their list shows them
-- (supervised=true&open=true): a few in a thousand of all events, so a partial index holds just them, by grid code
-- for the region's range, and the count never reads the events of the region that nobody supervised. The predicate
-- is written as the list's filters are, so that the planner sees that the query implies it.
create index event_supervised_open on event (grid_code text_pattern_ops, reported_at)
    where supervision is not null and status not in ('CLOSED', 'REJECTED', 'ARCHIVED');

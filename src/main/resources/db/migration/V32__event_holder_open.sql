-- A holder's to-do (box=todo): the events a center or department holds at an open step, newest first, as the list
-- pages them. A department holds on the order of a thousand open cases at province density; with this index a page
-- reads its twenty in order instead of reading and sorting all of them, and the count is read from the index alone
-- (grid code and handler included for the caller's scope) instead of from every case's row. The predicate is written
-- as the to-do's filter is, so that the planner sees that the query implies it.
create index event_holder_open on event (holder_org, reported_at desc, id desc) include (grid_code, handler_org)
    where status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK');

-- How many households and people live in a grid is the registry's to count: the grid's own columns were never kept
-- up to date (a grid showed 0 beside 39 registered residents), so they go.
alter table grid drop column households;
alter table grid drop column population;

-- A grid retired while people, houses or open events were still in it names the grid that took them over.
alter table grid_adjustment add column successor_code varchar(20);

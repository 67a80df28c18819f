-- A rejection names its row by a label (a person's name, a house's address, a place's or organization's name) and a
-- key (a masked ID number, a credit code), not only by a person's name and ID number.
alter table registry_import_rejection rename column name to label;
alter table registry_import_rejection rename column id_number_masked to row_key;

-- A running job touches alive_at with every chunk it writes; a job that has not for a while ran on a node that stopped,
-- and any node may then end it as failed.
alter table registry_import add column alive_at timestamptz;
update registry_import set alive_at = coalesce(finished_at, started_at);
alter table registry_import alter column alive_at set not null;
create index registry_import_running on registry_import (alive_at) where status = 'RUNNING';

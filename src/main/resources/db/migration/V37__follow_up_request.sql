-- A follow-up recorded on a phone without signal is sent again when the network returns: the client's request id
-- makes the second send find the first instead of recording the visit twice.
alter table follow_up add column request_id text;
create unique index follow_up_request on follow_up (member_id, request_id) where request_id is not null;

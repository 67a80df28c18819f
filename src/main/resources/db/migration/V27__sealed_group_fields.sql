-- A group field that holds a personal number is kept encrypted like the ID number itself: the 残疾人证号 is its
-- holder's ID number and two digits more. Such values live in sealed_details (field -> base64 of the ciphertext,
-- sealed as OTHER_ID), never in the plain details; values stored plain before this version are moved there by the
-- application at its next start (SealedFieldsSweep), since only it holds the keys.
alter table person_group_field add column sealed boolean not null default false;
update person_group_field set sealed = true where group_code = 'DISABLED' and field = 'certificateNumber';
alter table person_group_member add column sealed_details jsonb;

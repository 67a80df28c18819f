-- A group field that holds a personal number is kept encrypted like the ID number itself: the 残疾人证号 is its
-- holder's ID number and two digits more. Such values live in sealed_details (field -> base64 of the ciphertext,
-- sealed as OTHER_ID), never in the plain details. Values stored plain before a field was marked sealed are moved
-- there by the application, which alone holds the keys, at its next start (SealedFieldsSweep); plain_values_left says
-- which fields it still has to go through, so that a start with nothing left to seal reads no registration.
alter table person_group_field add column sealed boolean not null default false;
alter table person_group_field add column plain_values_left boolean not null default false;
update person_group_field set sealed = true, plain_values_left = true
where group_code = 'DISABLED' and field = 'certificateNumber';
alter table person_group_member add column sealed_details jsonb;

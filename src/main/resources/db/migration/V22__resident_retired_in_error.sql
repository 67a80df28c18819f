-- A resident retired as entered in error (误登记) was never a person of the register: the ID number it carried is freed
-- for the person's real record, and the record may be taken back if the retirement itself was the mistake. A record
-- retired for any other reason (deceased, moved away for good) keeps its number: the person comes back by
-- reinstatement, not by a second record.
alter table resident
    add column retired_in_error boolean not null default false,
    add constraint resident_retired_in_error check (not retired_in_error or retired_at is not null);

drop index resident_one_per_person;
create unique index resident_one_per_person on resident (id_number_hash) where not retired_in_error;

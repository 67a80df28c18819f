-- Case numbers come from a sequence per county and year instead of a counter row. The counter row was locked from
-- numbering until the report committed, so every report of a county waited for the one before it to reach the disk.
-- A sequence hands out numbers without waiting; a report that fails after numbering leaves a gap in the numbers.
do
$$
    declare
        r record;
    begin
        for r in select county_code, year, last_number from event_serial
            loop
                execute format('create sequence %I start with %s',
                               'event_serial_' || r.county_code || '_' || r.year, r.last_number + 1);
            end loop;
    end
$$;

drop table event_serial;

-- The next case number of a county and year; the first report of a year creates its sequence.
create function event_next_serial(county text, serial_year integer) returns bigint
    language plpgsql as
$$
declare
    name text := format('event_serial_%s_%s', county, serial_year);
begin
    if county !~ '^[0-9]{6}$' then
        raise exception 'county code must be 6 digits: %', county;
    end if;
    return nextval(name::regclass);
exception
    when undefined_table then
        -- Two first reports of a year: the second waits here, then finds the sequence the first committed. Should the
        -- first roll back, its sequence goes with it, and so do the only reports that used its numbers.
        perform pg_advisory_xact_lock(hashtext(name));
        execute format('create sequence if not exists %I', name);
        return nextval(name::regclass);
end
$$;

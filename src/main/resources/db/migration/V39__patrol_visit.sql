-- Visits the worker made while a patrol ran, linked from the patrol's side as its events are: the registry, which
-- keeps visits, knows nothing of patrols.
create table patrol_visit (
    county_code   varchar(6)   not null,
    patrol_id     bigint       not null,
    visit_id      bigint       not null,
    subject_name  text         not null,
    visited_at    timestamptz  not null,
    primary key (county_code, patrol_id, visit_id),
    foreign key (county_code, patrol_id) references patrol (county_code, id) on delete cascade
);

-- Deadlines as data: the moment a step has used 80 % of its time (yellow card, 黄牌预警), the cards raised, and delay
-- requests (延期申请).

-- The yellow moment of the running step, in working time as the step's limit counts it. The deadline scan computes
-- it with the working calendar for rows where it is null; any change of the step's start or deadline clears it, so a
-- value never outlives the step it was computed for, whoever writes the row.
alter table event add column yellow_at timestamptz default null;

create function event_yellow_at_follows_step() returns trigger language plpgsql as $$
begin
    if new.step_started_at is distinct from old.step_started_at or new.deadline_at is distinct from old.deadline_at then
        new.yellow_at := null;
    end if;
    return new;
end;
$$;
create trigger event_yellow_at_reset before update of step_started_at, deadline_at on event
    for each row execute function event_yellow_at_follows_step();

-- Open events whose yellow moment is still to be computed, and open events by yellow moment for the yellow scan.
create index event_yellow_pending on event (id)
    where yellow_at is null and deadline_at is not null
      and status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK');
create index event_open_yellow on event (yellow_at)
    where status in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK');

-- One row per card raised: at most one YELLOW and one RED per run of a step and deadline, so that a scan repeated by
-- one node or run at once by two raises each card once. An approved delay gives a new deadline and so may earn new
-- cards. The holder is the organization that held the event when the card was raised.
create table deadline_card (
    id              bigserial   primary key,
    event_id        bigint      not null references event (id),
    step            varchar(12) not null,
    step_started_at timestamptz not null,
    deadline_at     timestamptz not null,
    card            varchar(8)  not null,
    holder_org      varchar(40) not null,
    raised_at       timestamptz not null,
    check (card in ('YELLOW', 'RED')),
    check (step in ('ACCEPT', 'DISPATCH', 'CLAIM', 'HANDLE', 'VERIFY')),
    unique (event_id, step_started_at, deadline_at, card)
);
create index deadline_card_holder on deadline_card (holder_org, raised_at);

-- A request of the holding organization for more time on the running step, decided by the dispatching center.
create table delay_request (
    id              bigserial    primary key,
    event_id        bigint       not null references event (id),
    step            varchar(12)  not null,
    -- The run of the step the request is for; a decision after the step has ended is refused.
    step_started_at timestamptz  not null,
    requested_by    bigint       not null,
    requester_name  varchar(64)  not null,
    requester_org   varchar(40)  not null,
    reason          varchar(500) not null,
    extra_amount    integer      not null,
    unit            varchar(16)  not null,
    status          varchar(8)   not null default 'PENDING',
    decided_by      bigint,
    decider_name    varchar(64),
    decision_note   varchar(500),
    decided_at      timestamptz,
    new_deadline_at timestamptz,
    requested_at    timestamptz  not null,
    check (extra_amount > 0),
    check (unit in ('WORKING_HOURS', 'WORKING_DAYS', 'NATURAL_HOURS')),
    check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    check ((status = 'PENDING') = (decided_at is null))
);
create index delay_request_event on delay_request (event_id, id);
-- One open request per run of a step: a second one waits for the first decision.
create unique index delay_request_one_pending on delay_request (event_id, step_started_at) where status = 'PENDING';

-- Notifications (消息提醒): what the platform tells an organization, or one user, about events — deadline cards,
-- dispatches, returns, rework, supervision, escalations. Addressed to an organization (everyone in it sees the
-- notification, and one of them reading it reads it for all, as a shared inbox) or, with recipient_user, to one user.
create table notification (
    id             bigserial    primary key,
    recipient_org  varchar(40)  not null,
    recipient_user bigint,
    kind           varchar(24)  not null,
    event_id       bigint,
    serial_number  varchar(24),
    title_zh       varchar(200) not null,
    title_en       varchar(300) not null,
    -- What makes two notifications of one kind about one event different (the step run and deadline of a card, the
    -- time of a move); a redelivered event produces the same key and so no second notification.
    dedupe_key     varchar(80)  not null,
    created_at     timestamptz  not null,
    read_at        timestamptz,
    check (kind in ('DEADLINE_YELLOW', 'DEADLINE_RED', 'DISPATCHED', 'RETURNED', 'REWORK', 'SUPERVISED', 'ESCALATED')),
    unique nulls not distinct (kind, event_id, recipient_org, recipient_user, dedupe_key)
);
-- The bell's questions: an organization's (or a user's) unread notifications, newest first, and all of them.
create index notification_org_unread on notification (recipient_org, id) where read_at is null and recipient_user is null;
create index notification_org on notification (recipient_org, id) where recipient_user is null;
create index notification_user on notification (recipient_user, id) where recipient_user is not null;

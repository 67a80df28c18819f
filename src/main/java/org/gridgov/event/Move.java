package org.gridgov.event;

import static org.gridgov.event.EventStatus.ACCEPTED;
import static org.gridgov.event.EventStatus.ARCHIVED;
import static org.gridgov.event.EventStatus.CLAIMED;
import static org.gridgov.event.EventStatus.CLOSED;
import static org.gridgov.event.EventStatus.DISPATCHED;
import static org.gridgov.event.EventStatus.REJECTED;
import static org.gridgov.event.EventStatus.REPORTED;
import static org.gridgov.event.EventStatus.SUSPENDED;

import java.util.EnumSet;
import java.util.Set;
import org.gridgov.common.Permissions;

/**
 * The moves of the event workflow: from which statuses each is allowed, the status it leads to, the permission it
 * needs and whether a reason is required. This table is the workflow; the verbs on the event only apply it.
 */
public enum Move {
    REPORT(EnumSet.noneOf(EventStatus.class), REPORTED, Permissions.EVENT_REPORT, false),
    ACCEPT(EnumSet.of(REPORTED), ACCEPTED, Permissions.EVENT_ACCEPT, false),
    /** A duplicate is merged into the original: it ends here, its reporter is kept on the original. */
    MERGE(EnumSet.of(REPORTED, ACCEPTED), REJECTED, Permissions.EVENT_ACCEPT, false),
    REJECT(EnumSet.of(REPORTED), REJECTED, Permissions.EVENT_ACCEPT, true),
    /** 就地处置: the reporter handled it within their authority; a center still verifies. */
    RESOLVE(EnumSet.of(REPORTED, ACCEPTED), EventStatus.FEEDBACK, Permissions.EVENT_HANDLE, true),
    /** 逐级上报: to the center one level up, which accepts it anew. */
    ESCALATE(EnumSet.of(REPORTED, ACCEPTED), REPORTED, Permissions.EVENT_ACCEPT, true),
    DISPATCH(EnumSet.of(ACCEPTED), DISPATCHED, Permissions.EVENT_DISPATCH, false),
    CLAIM(EnumSet.of(DISPATCHED), CLAIMED, Permissions.EVENT_HANDLE, false),
    /** 退回: the assignee is not responsible; back to the dispatcher. */
    RETURN(EnumSet.of(DISPATCHED, CLAIMED), ACCEPTED, Permissions.EVENT_HANDLE, true),
    FEEDBACK(EnumSet.of(CLAIMED), EventStatus.FEEDBACK, Permissions.EVENT_HANDLE, true),
    VERIFY_PASS(EnumSet.of(EventStatus.FEEDBACK), CLOSED, Permissions.EVENT_VERIFY, false),
    /** 返工: the result did not hold on site; back to the handler. */
    VERIFY_FAIL(EnumSet.of(EventStatus.FEEDBACK), CLAIMED, Permissions.EVENT_VERIFY, true),
    SUSPEND(EnumSet.of(ACCEPTED, DISPATCHED, CLAIMED), SUSPENDED, Permissions.EVENT_ACCEPT, true),
    /** Back to the status it was suspended from. */
    RESUME(EnumSet.of(SUSPENDED), null, Permissions.EVENT_ACCEPT, false),
    REOPEN(EnumSet.of(CLOSED), ACCEPTED, Permissions.EVENT_ACCEPT, true),
    /** 回访 and 满意度: the reporter or a center rates the result, 1 (very dissatisfied) to 5 (very satisfied). */
    RATE(EnumSet.of(CLOSED), CLOSED, Permissions.EVENT_READ, false),
    ARCHIVE(EnumSet.of(CLOSED, REJECTED), ARCHIVED, Permissions.EVENT_ACCEPT, false),
    /** 督办: a higher level presses the holder; the status stays. */
    SUPERVISE(
            EnumSet.of(REPORTED, ACCEPTED, DISPATCHED, CLAIMED, EventStatus.FEEDBACK, SUSPENDED),
            null,
            Permissions.EVENT_SUPERVISE,
            true);

    private final Set<EventStatus> from;
    private final EventStatus to;
    private final String permission;
    private final boolean needsReason;

    Move(Set<EventStatus> from, EventStatus to, String permission, boolean needsReason) {
        this.from = from;
        this.to = to;
        this.permission = permission;
        this.needsReason = needsReason;
    }

    public Set<EventStatus> from() {
        return from;
    }

    /** The status the move leads to; null when it depends on the event (resume, supervise keep or restore it). */
    public EventStatus to() {
        return to;
    }

    public String permission() {
        return permission;
    }

    public boolean needsReason() {
        return needsReason;
    }
}

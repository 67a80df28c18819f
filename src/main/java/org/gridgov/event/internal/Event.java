package org.gridgov.event.internal;

import java.time.Instant;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.gridgov.event.Step;
import org.gridgov.event.Urgency;

/**
 * An event as the workflow changes it. Each verb checks that the status allows the move (the table in {@link Move})
 * and that a reason is given where one is needed, then changes status and holder; who may make the move is checked by
 * {@link EventDesk}, which knows the caller.
 */
final class Event {

    long id;
    String serialNumber;
    String requestId;
    String title;
    String description;
    String categoryCode;
    String categoryName;
    String majorCode;
    String majorName;
    int catalogVersion;
    Urgency urgency;
    /** Null, with {@code lat}, for a report that named its grid without a point. */
    Double lon;

    Double lat;
    String address;
    String gridCode;
    long gridVersionId;
    String source;
    Long reporterUserId;
    String reporterName;
    byte[] reporterPhone;
    byte[] reporterPhoneHash;
    int involvedCount;
    EventStatus status;
    EventStatus suspendedFrom;
    String holderOrg;
    String dispatcherOrg;
    String handlerOrg;
    Step step;
    Instant stepStartedAt;
    Instant deadlineAt;
    /** The deadline was counted into a year whose holidays are not entered; it is counted again once they are. */
    boolean deadlineProvisional;

    String supervision;
    Integer satisfaction;
    String result;
    /** The user who resolved it on the spot or fed back its result last; someone else verifies. */
    Long handledBy;

    int version;
    Instant reportedAt;
    Instant closedAt;

    /**
     * What a move changed, for the history row and the published event; {@code satisfaction} for a rating,
     * {@code supervision} and {@code ownOrganization} (the holder pressed its own case) for a supervision.
     */
    record Transition(
            Move move,
            EventStatus from,
            EventStatus to,
            String fromHolder,
            String toHolder,
            String note,
            Step step,
            Integer satisfaction,
            String supervision,
            Boolean ownOrganization) {

        Transition(
                Move move,
                EventStatus from,
                EventStatus to,
                String fromHolder,
                String toHolder,
                String note,
                Step step) {
            this(move, from, to, fromHolder, toHolder, note, step, null, null, null);
        }
    }

    Transition accept() {
        return apply(Move.ACCEPT, null, holderOrg, Step.DISPATCH);
    }

    Transition reject(String reason) {
        return apply(Move.REJECT, reason, holderOrg, null);
    }

    Transition mergeInto(String originalSerial) {
        return apply(Move.MERGE, "并入 " + originalSerial, holderOrg, null);
    }

    /** 就地处置: the result goes to the holding center for verification, by someone other than the resolver. */
    Transition resolveOnTheSpot(String result, String reporterOrg, Long resolver) {
        var t = apply(Move.RESOLVE, result, holderOrg, Step.VERIFY);
        this.result = result;
        this.handlerOrg = reporterOrg;
        this.dispatcherOrg = holderOrg;
        this.handledBy = resolver;
        return t;
    }

    Transition escalate(String reason, String parentCenter) {
        return apply(Move.ESCALATE, reason, parentCenter, Step.ACCEPT);
    }

    Transition dispatch(String note, String assignee) {
        String dispatcher = holderOrg;
        var t = apply(Move.DISPATCH, note, assignee, Step.CLAIM);
        this.dispatcherOrg = dispatcher;
        this.handlerOrg = assignee;
        return t;
    }

    Transition claim() {
        return apply(Move.CLAIM, null, holderOrg, Step.HANDLE);
    }

    Transition returnToDispatcher(String reason) {
        return apply(Move.RETURN, reason, dispatcherOrg, Step.DISPATCH);
    }

    Transition feedback(String result, Long handler) {
        var t = apply(Move.FEEDBACK, result, dispatcherOrg, Step.VERIFY);
        this.result = result;
        this.handledBy = handler;
        return t;
    }

    Transition verifyPass(String note, Instant at) {
        var t = apply(Move.VERIFY_PASS, note, holderOrg, null);
        this.closedAt = at;
        return t;
    }

    Transition verifyFail(String reason) {
        return apply(Move.VERIFY_FAIL, reason, handlerOrg, Step.HANDLE);
    }

    Transition suspend(String reason) {
        EventStatus before = status;
        var t = apply(Move.SUSPEND, reason, holderOrg, null);
        this.suspendedFrom = before;
        return t;
    }

    Transition resume() {
        guard(Move.RESUME, null);
        EventStatus back = suspendedFrom == null ? EventStatus.ACCEPTED : suspendedFrom;
        var t = new Transition(Move.RESUME, status, back, holderOrg, holderOrg, null, stepOf(back));
        this.status = back;
        this.suspendedFrom = null;
        this.step = t.step();
        return t;
    }

    /** The rating of the closing it undoes stays in the history; the next closing gets a return visit of its own. */
    Transition reopen(String reason) {
        var t = apply(Move.REOPEN, reason, holderOrg, Step.DISPATCH);
        this.closedAt = null;
        this.satisfaction = null;
        return t;
    }

    /** Whether the closing is still to be rated: each closing gets one return visit. */
    boolean awaitsRating() {
        return status == EventStatus.CLOSED && satisfaction == null;
    }

    Transition rate(int satisfaction, String note) {
        if (satisfaction < 1 || satisfaction > 5) {
            throw ProblemException.invalid(
                    "satisfaction", "range", "满意度须为 1 到 5", "satisfaction must be between 1 and 5");
        }
        guard(Move.RATE, note);
        if (!awaitsRating()) {
            throw notAllowed(Move.RATE, "该次结案已回访评价，不能重复评价", "This closing has been rated already");
        }
        var t = new Transition(Move.RATE, status, status, holderOrg, holderOrg, note, null, satisfaction, null, null);
        this.satisfaction = satisfaction;
        return t;
    }

    Transition archive() {
        return apply(Move.ARCHIVE, null, holderOrg, null);
    }

    /** 督办 at a level (NORMAL, YELLOW, RED); {@code ownOrganization} when the holder presses its own case. */
    Transition supervise(String level, String note, boolean ownOrganization) {
        guard(Move.SUPERVISE, note);
        this.supervision = level;
        return new Transition(
                Move.SUPERVISE, status, status, holderOrg, holderOrg, note, step, null, level, ownOrganization);
    }

    /** Where the event lies and what it is, as the dashboard rollups count it. */
    EventRollups.Place place() {
        return new EventRollups.Place(id, gridCode, categoryCode, reportedAt);
    }

    private Transition apply(Move move, String note, String newHolder, Step nextStep) {
        guard(move, note);
        var t = new Transition(move, status, move.to(), holderOrg, newHolder, note, nextStep);
        this.status = move.to();
        this.holderOrg = newHolder;
        this.step = nextStep;
        return t;
    }

    private void guard(Move move, String note) {
        if (!status.allows(move)) {
            throw notAllowed(
                    move,
                    "事件当前状态为" + status.label() + "，不能执行该操作",
                    "The event is " + status + "; " + move + " is not allowed now");
        }
        if (move.needsReason() && (note == null || note.isBlank())) {
            throw ProblemException.invalid("note", "required", "此操作须填写原因或结果", "this move needs a reason or result");
        }
    }

    /** 409 move-not-allowed: the move does not fit where the event stands, whoever asks. */
    ProblemException notAllowed(Move move, String detail, String detailEn) {
        return new ProblemException(
                org.springframework.http.HttpStatus.CONFLICT,
                "move-not-allowed",
                detail,
                detailEn,
                java.util.List.of(new FieldProblem("move", "status", status.label(), status.name())));
    }

    private static Step stepOf(EventStatus status) {
        return switch (status) {
            case REPORTED -> Step.ACCEPT;
            case ACCEPTED -> Step.DISPATCH;
            case DISPATCHED -> Step.CLAIM;
            case CLAIMED -> Step.HANDLE;
            case FEEDBACK -> Step.VERIFY;
            default -> null;
        };
    }
}

package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.event.DeadlineExtended;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.identity.CurrentUser;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.identity.OrganizationDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delay requests (延期申请): the organization holding a dispatched event asks for more time on the running step, and
 * the center that dispatched it approves, which moves the deadline on the working calendar, or rejects.
 */
@Service
@Transactional
public class DelayDesk {

    /** The move text of the history row an approval appends; delays are not workflow moves. */
    static final String DELAY_APPROVED = "DELAY_APPROVED";

    /** The statuses in which an assignee holds the event for a dispatcher, the only ones with someone to ask. */
    private static final Set<EventStatus> DELAYABLE = Set.of(EventStatus.DISPATCHED, EventStatus.CLAIMED);

    private static final int MAX_TEXT = 500;

    private final EventRepository events;
    private final DeadlineRepository deadlines;
    private final WorkingCalendar calendar;
    private final CurrentUsers users;
    private final EventScope scope;
    private final OrganizationDirectory organizations;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DelayDesk(
            EventRepository events,
            DeadlineRepository deadlines,
            WorkingCalendar calendar,
            CurrentUsers users,
            EventScope scope,
            OrganizationDirectory organizations,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.events = events;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.users = users;
        this.scope = scope;
        this.organizations = organizations;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A request for {@code extraAmount} more {@code unit}s (WORKING_HOURS, WORKING_DAYS or NATURAL_HOURS). */
    public record DelayCommand(String reason, Integer extraAmount, String unit) {}

    /** A decision's note; required when rejecting. */
    public record DecisionCommand(String note) {}

    /**
     * A delay request as the API shows it.
     *
     * @param status PENDING, APPROVED or REJECTED
     * @param requesterOrgName the name of {@code requesterOrg}, null when unknown
     * @param newDeadlineAt the deadline an approval set; null otherwise
     */
    public record DelayRequest(
            long id,
            long eventId,
            Step step,
            Instant stepStartedAt,
            String requesterName,
            String requesterOrg,
            String requesterOrgName,
            String reason,
            int extraAmount,
            TimeUnitKind unit,
            String status,
            String deciderName,
            String decisionNote,
            Instant decidedAt,
            Instant newDeadlineAt,
            Instant requestedAt) {

        /** This request with the name of the requesting organization, looked up by code in {@code names}. */
        DelayRequest named(Map<String, String> names) {
            return new DelayRequest(
                    id,
                    eventId,
                    step,
                    stepStartedAt,
                    requesterName,
                    requesterOrg,
                    names.get(requesterOrg),
                    reason,
                    extraAmount,
                    unit,
                    status,
                    deciderName,
                    decisionNote,
                    decidedAt,
                    newDeadlineAt,
                    requestedAt);
        }
    }

    /**
     * Whether the caller may ask for more time on the event: its assignee (the organization holding it for a
     * dispatcher) with the handling permission, while it waits to be claimed or is being handled.
     */
    static boolean mayRequest(Event e, CurrentUser user) {
        return DELAYABLE.contains(e.status) && isHolder(e, user);
    }

    /** Whether the caller may decide the event's delay requests: the center that dispatched it. */
    static boolean mayDecide(Event e, CurrentUser user) {
        return user.can(Permissions.EVENT_DISPATCH)
                && e.dispatcherOrg != null
                && e.dispatcherOrg.equals(user.organizationCode());
    }

    private static boolean isHolder(Event e, CurrentUser user) {
        return user.can(Permissions.EVENT_HANDLE) && e.holderOrg.equals(user.organizationCode());
    }

    /** Asks for more time on the running step of an event the caller's organization holds. */
    public DelayRequest request(long eventId, DelayCommand command) {
        var user = users.require();
        var e = load(eventId, user);
        if (!isHolder(e, user)) {
            throw forbidden("holderOrg", "只有承办单位可以申请延期", "Only the organization holding the event may ask for a delay");
        }
        var errors = new ArrayList<FieldProblem>();
        String reason = command == null || command.reason() == null
                ? ""
                : command.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_TEXT) {
            errors.add(new FieldProblem(
                    "reason",
                    "required",
                    "须填写延期理由，不超过 " + MAX_TEXT + " 字",
                    "reason is required, at most " + MAX_TEXT + " characters"));
        }
        Integer amount = command == null ? null : command.extraAmount();
        if (amount == null || amount < 1 || amount > WorkingCalendar.MAX_AMOUNT) {
            errors.add(new FieldProblem(
                    "extraAmount",
                    "range",
                    "延期时长须为 1 到 " + WorkingCalendar.MAX_AMOUNT + " 之间的整数",
                    "extraAmount must be a whole number from 1 to " + WorkingCalendar.MAX_AMOUNT));
        }
        TimeUnitKind unit = parseUnit(command == null ? null : command.unit(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!DELAYABLE.contains(e.status) || e.step == null || e.stepStartedAt == null) {
            throw wrongState(
                    "status",
                    "事件当前状态为" + e.status.label() + "，只有待签收或办理中的事件可以申请延期",
                    "The event is " + e.status + "; only DISPATCHED or CLAIMED events may be delayed");
        }
        var now = clock.instant();
        var id = deadlines
                .insertRequest(new DeadlineRepository.NewDelayRequest(
                        e.id,
                        e.step,
                        e.stepStartedAt,
                        user.id(),
                        user.realName() == null ? user.username() : user.realName(),
                        user.organizationCode(),
                        reason,
                        amount,
                        unit,
                        now))
                .orElseThrow(() -> wrongState(
                        "delayRequest",
                        "本环节已有待审批的延期申请",
                        "A delay request for this step is already waiting for a decision"));
        return find(id, user);
    }

    /** The delay requests of an event the caller may see, newest first. */
    public PageResult<DelayRequest> list(long eventId, PageQuery page) {
        var user = users.require();
        var e = load(eventId, user);
        var visibility = scope.visibility(user);
        return PageResult.of(
                named(deadlines.requests(e.id, visibility, page)), page, deadlines.countRequests(e.id, visibility));
    }

    /** Approves a pending request: the running step's deadline moves on by the requested time. */
    public DelayRequest approve(long requestId, DecisionCommand command) {
        var user = users.require();
        var request = find(requestId, user);
        var e = load(request.eventId(), user);
        requireDispatcher(e, user);
        requirePending(request);
        if (!DELAYABLE.contains(e.status) || !request.stepStartedAt().equals(e.stepStartedAt)) {
            throw wrongState(
                    "step", "申请延期的环节已结束，不能再批准", "The step the request was for has ended; it can no longer be approved");
        }
        var now = clock.instant();
        var due = calendar.due(e.deadlineAt, request.extraAmount(), request.unit());
        var deadline = due.at();
        // An extension of a provisional deadline stays provisional: the deadline it starts from will move.
        boolean provisional = due.provisional() || e.deadlineProvisional;
        if (!deadlines.extendDeadline(e.id, e.version, e.stepStartedAt, deadline, provisional)) {
            throw ProblemException.conflict("事件已被他人处理，请刷新后重试", "The event changed meanwhile; reload and retry");
        }
        String note = note(command);
        decide(request, "APPROVED", user, note, now, deadline);
        String detail = "延期 " + request.extraAmount() + " " + request.unit().label() + "：" + request.reason()
                + (note == null ? "" : "；" + note);
        events.appendHistory(new EventRepository.HistoryEntry(
                e.id,
                DELAY_APPROVED,
                e.status,
                e.status,
                e.holderOrg,
                e.holderOrg,
                EventRepository.Actor.of(user),
                detail,
                deadline,
                now));
        publisher.publishEvent(
                new DeadlineExtended(e.id, e.serialNumber, e.step, request.id(), e.deadlineAt, deadline, now));
        return find(requestId, user);
    }

    /** Rejects a pending request; the deadline stays. */
    public DelayRequest reject(long requestId, DecisionCommand command) {
        var user = users.require();
        var request = find(requestId, user);
        var e = load(request.eventId(), user);
        requireDispatcher(e, user);
        String note = note(command);
        if (note == null) {
            throw ProblemException.invalid("note", "required", "驳回须填写理由", "a rejection needs a note");
        }
        requirePending(request);
        decide(request, "REJECTED", user, note, clock.instant(), null);
        return find(requestId, user);
    }

    private Event load(long id, CurrentUser user) {
        return scope.visible(id, user);
    }

    private DelayRequest find(long requestId, CurrentUser user) {
        var request = deadlines
                .findRequest(requestId, scope.visibility(user))
                .orElseThrow(() -> ProblemException.notFound("延期申请不存在", "No such delay request"));
        return named(List.of(request)).getFirst();
    }

    /** The requests with the names of the organizations that made them, which the table keeps only as codes. */
    private List<DelayRequest> named(List<DelayRequest> requests) {
        var names = organizations.names(
                requests.stream().map(DelayRequest::requesterOrg).toList());
        return requests.stream().map(request -> request.named(names)).toList();
    }

    private void decide(DelayRequest request, String status, CurrentUser user, String note, Instant at, Instant due) {
        if (!deadlines.decide(request.id(), status, EventRepository.Actor.of(user), note, at, due)) {
            throw wrongState("status", "该延期申请已被处理", "The delay request was decided meanwhile");
        }
    }

    private static void requireDispatcher(Event e, CurrentUser user) {
        if (!mayDecide(e, user)) {
            throw forbidden(
                    "dispatcherOrg", "只有派遣该事件的中心可以审批延期", "Only the center that dispatched the event may decide");
        }
    }

    private static void requirePending(DelayRequest request) {
        if (!"PENDING".equals(request.status())) {
            throw wrongState("status", "该延期申请已被处理", "The delay request was already decided: " + request.status());
        }
    }

    private static TimeUnitKind parseUnit(String text, List<FieldProblem> errors) {
        if (text != null && !text.isBlank()) {
            try {
                return TimeUnitKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Reported below with the list of allowed values.
            }
        }
        errors.add(new FieldProblem(
                "unit",
                "value",
                "时间单位须为 WORKING_HOURS（工作时）、WORKING_DAYS（工作日）或 NATURAL_HOURS（自然时）",
                "unit must be WORKING_HOURS, WORKING_DAYS or NATURAL_HOURS"));
        return null;
    }

    private static String note(DecisionCommand command) {
        if (command == null || command.note() == null || command.note().isBlank()) {
            return null;
        }
        String note = command.note().strip();
        if (note.length() > MAX_TEXT) {
            throw ProblemException.invalid(
                    "note",
                    "length",
                    "说明不能超过 " + MAX_TEXT + " 字",
                    "note must have at most " + MAX_TEXT + " characters");
        }
        return note;
    }

    private static ProblemException forbidden(String field, String detail, String detailEn) {
        return new ProblemException(
                HttpStatus.FORBIDDEN,
                "forbidden",
                detail,
                detailEn,
                List.of(new FieldProblem(field, "not-yours", detail, detailEn)));
    }

    private static ProblemException wrongState(String field, String detail, String detailEn) {
        return new ProblemException(
                HttpStatus.CONFLICT,
                "conflict",
                detail,
                detailEn,
                List.of(new FieldProblem(field, "state", detail, detailEn)));
    }
}

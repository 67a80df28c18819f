package org.gridgov.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridgov.common.Permissions;
import org.gridgov.common.Unscoped;
import org.gridgov.event.DeadlineCardRaised;
import org.gridgov.event.DeadlineCardRaised.Card;
import org.gridgov.event.EventMoved;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.gridgov.event.Step;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.OrganizationRef;
import org.gridgov.notification.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the event module's published events into notifications, by these rules:
 *
 * <ul>
 *   <li>a deadline card (黄牌, 红牌) goes to the organization holding the event, for those who may make the step's move
 *       ({@link #STEP_PERMISSIONS}), and to the center one level above it, for those who oversee the level below:
 *       its operators, who dispatch, and its leaders, who supervise;
 *   <li>a move in {@link #MOVES} goes to the organization the move hands the event to — the assignee of a dispatch,
 *       the dispatcher of a return, the handler of a rework, the next center of an escalation — or, for supervision,
 *       which keeps the holder, to the holder; for those who may make the next move of the status it leads to
 *       ({@link #STATUS_PERMISSIONS}).
 * </ul>
 *
 * <p>Within the organization a notice reaches only members holding that permission whose scope covers the event's
 * grid: a grid worker of a township center hears of the rework waiting in their grids, not of the center's
 * acceptance and dispatch work nor of other grids' events.
 *
 * <p>Each listener runs after the publishing transaction committed, in its own transaction, and the event publication
 * registry delivers an event again until a listener completes; a redelivered event finds its notifications stored
 * already and adds none.
 */
@Component
@Unscoped("listens to published events after their commit, with no caller, and addresses the organizations they name")
class Notifier {

    /** The moves whose new holder hears of them, and what they tell. */
    private static final Map<Move, NotificationKind> MOVES = Map.of(
            Move.DISPATCH, NotificationKind.DISPATCHED,
            Move.RETURN, NotificationKind.RETURNED,
            Move.VERIFY_FAIL, NotificationKind.REWORK,
            Move.SUPERVISE, NotificationKind.SUPERVISED,
            Move.ESCALATE, NotificationKind.ESCALATED);

    /** Who may act on a step that runs late: the permission of the move that ends it. */
    private static final Map<Step, String> STEP_PERMISSIONS = Map.of(
            Step.ACCEPT, Permissions.EVENT_ACCEPT,
            Step.DISPATCH, Permissions.EVENT_DISPATCH,
            Step.CLAIM, Permissions.EVENT_HANDLE,
            Step.HANDLE, Permissions.EVENT_HANDLE,
            Step.VERIFY, Permissions.EVENT_VERIFY);

    /** Who may act on an event in a status: the permission of the move it waits for. */
    private static final Map<EventStatus, String> STATUS_PERMISSIONS = Map.of(
            EventStatus.REPORTED, Permissions.EVENT_ACCEPT,
            EventStatus.ACCEPTED, Permissions.EVENT_DISPATCH,
            EventStatus.DISPATCHED, Permissions.EVENT_HANDLE,
            EventStatus.CLAIMED, Permissions.EVENT_HANDLE,
            EventStatus.FEEDBACK, Permissions.EVENT_VERIFY,
            EventStatus.SUSPENDED, Permissions.EVENT_ACCEPT);

    /** Who oversees a lower level's late steps at the center above it. */
    private static final List<String> OVERSIGHT = List.of(Permissions.EVENT_DISPATCH, Permissions.EVENT_SUPERVISE);

    private final NotificationRepository notifications;
    private final OrganizationDirectory organizations;
    private final Clock clock;

    Notifier(NotificationRepository notifications, OrganizationDirectory organizations, Clock clock) {
        this.notifications = notifications;
        this.organizations = organizations;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DeadlineCardRaised raised) {
        boolean red = raised.card() == Card.RED;
        var kind = red ? NotificationKind.DEADLINE_RED : NotificationKind.DEADLINE_YELLOW;
        // A delay gives the step a new deadline, which may earn its own cards and so its own notifications.
        String key = raised.step() + "@" + raised.deadlineAt();
        String serial = raised.serialNumber();
        String step = raised.step().label();
        String stepEn = raised.step().name().toLowerCase(Locale.ROOT);
        var title = red
                ? new Title(
                        "事件 %s %s环节已超期（红牌）".formatted(serial, step),
                        "Event %s is overdue in the %s step (red card)".formatted(serial, stepEn))
                : new Title(
                        "事件 %s %s环节已用时 80%%，即将超期（黄牌）".formatted(serial, step),
                        "Event %s has used 80 %% of the %s step's time (yellow card)".formatted(serial, stepEn));
        var about = new About(raised.eventId(), serial, raised.gridCode());
        notify(raised.holderOrg(), List.of(STEP_PERMISSIONS.get(raised.step())), kind, about, title, key);
        var parent = organizations.parentCenter(raised.holderOrg());
        if (parent.isEmpty()) {
            // The top center has no level above; its own notification is the only one.
            return;
        }
        String holder = name(raised.holderOrg());
        var above = red
                ? new Title(
                        "%s的事件 %s %s环节已超期（红牌）".formatted(holder, serial, step),
                        "Event %s held by %s is overdue in the %s step (red card)".formatted(serial, holder, stepEn))
                : new Title(
                        "%s的事件 %s %s环节即将超期（黄牌）".formatted(holder, serial, step),
                        "Event %s held by %s has used 80 %% of the %s step's time (yellow card)"
                                .formatted(serial, holder, stepEn));
        notify(parent.get().code(), OVERSIGHT, kind, about, above, key);
    }

    @ApplicationModuleListener
    void on(EventMoved moved) {
        var kind = MOVES.get(moved.move());
        if (kind == null || moved.toHolder() == null) {
            return;
        }
        String serial = moved.serialNumber();
        String from = moved.fromHolder() == null ? "" : name(moved.fromHolder());
        var title = switch (kind) {
            case DISPATCHED ->
                new Title(
                        "事件 %s 已派遣至本单位，请签收".formatted(serial),
                        "Event %s was dispatched to your organization; claim it".formatted(serial));
            case RETURNED ->
                new Title(
                        "事件 %s 被%s退回，请重新派遣".formatted(serial, from),
                        "Event %s was returned by %s; dispatch it again".formatted(serial, from));
            case REWORK ->
                new Title(
                        "事件 %s 核查未通过，须返工".formatted(serial),
                        "Event %s failed verification; rework it".formatted(serial));
            case SUPERVISED ->
                new Title(
                        "事件 %s 被督办，请加快办理".formatted(serial),
                        "Event %s is being supervised; speed it up".formatted(serial));
            case ESCALATED ->
                new Title(
                        "事件 %s 由%s上报至本中心，请受理".formatted(serial, from),
                        "Event %s was escalated to your center by %s; accept it".formatted(serial, from));
            case DEADLINE_YELLOW, DEADLINE_RED -> throw new IllegalStateException(kind + " is not a move");
        };
        var permission = STATUS_PERMISSIONS.get(moved.to());
        notify(
                moved.toHolder(),
                permission == null ? null : List.of(permission),
                kind,
                new About(moved.eventId(), serial, moved.gridCode()),
                title,
                moved.move() + "@" + moved.at());
    }

    /** A notification's title in Chinese and English. */
    private record Title(String zh, String en) {}

    /** The event a notification is about; the grid is null only in events published before it was carried. */
    private record About(long eventId, String serialNumber, String gridCode) {}

    private void notify(
            String org, List<String> permissions, NotificationKind kind, About about, Title title, String key) {
        notifications.insert(new NotificationRepository.NewNotification(
                county(about.gridCode(), org),
                org,
                null,
                about.gridCode(),
                permissions,
                kind,
                about.eventId(),
                about.serialNumber(),
                title.zh(),
                title.en(),
                key,
                clock.instant()));
    }

    /** The county a notice belongs to: its event's, else its recipient organization's. */
    private String county(String gridCode, String org) {
        String code = gridCode != null
                ? gridCode
                : organizations.find(org).map(OrganizationRef::regionCode).orElse(org);
        return code.length() > 6 ? code.substring(0, 6) : code;
    }

    private String name(String organizationCode) {
        return organizations.find(organizationCode).map(OrganizationRef::name).orElse(organizationCode);
    }
}

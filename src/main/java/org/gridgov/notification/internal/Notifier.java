package org.gridgov.notification.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.gridgov.common.Unscoped;
import org.gridgov.event.DeadlineCardRaised;
import org.gridgov.event.DeadlineCardRaised.Card;
import org.gridgov.event.EventMoved;
import org.gridgov.event.Move;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.identity.OrganizationRef;
import org.gridgov.notification.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the event module's published events into notifications, by these rules:
 *
 * <ul>
 *   <li>a deadline card (黄牌, 红牌) goes to the organization holding the event and to the center one level above it;
 *   <li>a move in {@link #MOVES} goes to the organization the move hands the event to — the assignee of a dispatch,
 *       the dispatcher of a return, the handler of a rework, the next center of an escalation — or, for supervision,
 *       which keeps the holder, to the holder.
 * </ul>
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
        notify(raised.holderOrg(), kind, raised.eventId(), serial, title, key);
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
        notify(parent.get().code(), kind, raised.eventId(), serial, above, key);
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
        notify(moved.toHolder(), kind, moved.eventId(), serial, title, moved.move() + "@" + moved.at());
    }

    /** A notification's title in Chinese and English. */
    private record Title(String zh, String en) {}

    private void notify(String org, NotificationKind kind, long eventId, String serial, Title title, String key) {
        notifications.insert(new NotificationRepository.NewNotification(
                org, null, kind, eventId, serial, title.zh(), title.en(), key, clock.instant()));
    }

    private String name(String organizationCode) {
        return organizations.find(organizationCode).map(OrganizationRef::name).orElse(organizationCode);
    }
}

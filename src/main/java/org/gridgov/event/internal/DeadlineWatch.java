package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.common.Unscoped;
import org.gridgov.event.DeadlineCardRaised;
import org.gridgov.event.DeadlineCardRaised.Card;
import org.gridgov.event.EventMoved;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.gridgov.identity.OrganizationDirectory;
import org.gridgov.region.RegionLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the deadlines stored on open events and raises each card once: YELLOW when a step has used 80 % of its
 * working time, RED when it is overdue. For a RED card whose time-limit rule escalates on its own, the reach rule of
 * the category and urgency ({@code auto_escalation_rule}) says what follows, done as the {@code system} actor: a case
 * still at a center goes to the center one level up (never above the rule's level), a case at its assignee is
 * supervised (督办, red) in the name of the center that dispatched it.
 *
 * <p>Safe on any number of nodes: the card rows are unique per run of a step and deadline, only the node whose insert
 * went in publishes and escalates, and an escalation is skipped when someone moved the event meanwhile. The cards of
 * one kind, their {@link DeadlineCardRaised} events and the escalations they cause commit together, so that a crash
 * loses none of them: the next scan raises them again.
 */
@Component
@Unscoped("the deadline scan runs for the whole deployment, with no caller")
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    /** The actor name of the moves the platform makes by itself. */
    static final String SYSTEM = "system";

    static final int YELLOW_BATCH = 500;

    /** Bounds one scan's share of a large backlog (after the migration, say); the next scan goes on. */
    static final int MAX_YELLOW_BATCHES = 200;

    /** EventDesk's yellow rule: 80 % of the step's time used, as {@code used * 10 >= total * 8} in milliseconds. */
    private static final int YELLOW_TENTHS = 8;

    /** What a category and urgency without a reach rule does: escalate up to the county, supervise no assignee. */
    static final DeadlineRepository.EscalationReach DEFAULT_REACH =
            new DeadlineRepository.EscalationReach("COUNTY", false);

    /** The statuses in which an assignee holds the case for the center that dispatched it. */
    private static final java.util.Set<EventStatus> AT_ASSIGNEE =
            java.util.EnumSet.of(EventStatus.DISPATCHED, EventStatus.CLAIMED);

    private final DeadlineRepository deadlines;
    private final EventRepository events;
    private final EventCatalog catalog;
    private final WorkingCalendar calendar;
    private final OrganizationDirectory organizations;
    private final ApplicationEventPublisher publisher;
    private final EventRollups rollups;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadlineWatch(
            DeadlineRepository deadlines,
            EventRepository events,
            EventCatalog catalog,
            WorkingCalendar calendar,
            OrganizationDirectory organizations,
            ApplicationEventPublisher publisher,
            EventRollups rollups,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.deadlines = deadlines;
        this.events = events;
        this.catalog = catalog;
        this.calendar = calendar;
        this.organizations = organizations;
        this.publisher = publisher;
        this.rollups = rollups;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One pass over every open event: yellow moments first, then RED cards and escalations, then YELLOW cards. */
    @Scheduled(fixedDelayString = "${gridgov.event.deadline-scan:PT1M}")
    public void scan() {
        fillYellowMoments();
        var now = clock.instant();
        // RED before YELLOW: an escalation starts a new step, which then has no yellow moment yet and raises nothing.
        int red = transactions.execute(status -> raise(deadlines.raiseRed(now), now));
        int yellow = transactions.execute(status -> raise(deadlines.raiseYellow(now), now));
        if (red + yellow > 0) {
            log.info("Deadline scan at {} raised {} red and {} yellow cards", now, red, yellow);
        }
    }

    /**
     * Computes the yellow moment of open steps that lack one. Each row is stored on its own, so that no lock is held
     * across rows; a value computed twice by two nodes is the same value.
     */
    void fillYellowMoments() {
        var units = new HashMap<String, TimeUnitKind>();
        long after = 0;
        for (int batch = 0; batch < MAX_YELLOW_BATCHES; batch++) {
            var rows = deadlines.yellowPending(after, YELLOW_BATCH);
            for (var row : rows) {
                var unit = units.computeIfAbsent(
                        row.categoryCode() + '/' + row.urgency() + '/' + row.step(),
                        key -> catalog.limit(row.categoryCode(), row.urgency(), null, row.step())
                                .unit());
                deadlines.setYellowAt(row, yellowAt(row.stepStartedAt(), row.deadlineAt(), unit));
                after = row.id();
            }
            if (rows.size() < YELLOW_BATCH) {
                return;
            }
        }
    }

    /**
     * The first millisecond at which a step from {@code start} to {@code deadline} has used 80 % of its time in
     * {@code unit}, the moment the event's card turns YELLOW; {@code deadline} itself when the step has no time to
     * use, which the yellow scan never reaches. Working time grows monotonically, so a binary search over the
     * milliseconds finds it in about 32 steps.
     */
    Instant yellowAt(Instant start, Instant deadline, TimeUnitKind unit) {
        long total = calendar.workingTimeBetween(start, deadline, unit).toMillis();
        if (total <= 0) {
            return deadline;
        }
        long low = start.toEpochMilli();
        long high = deadline.toEpochMilli();
        while (low < high) {
            long middle = low + (high - low) / 2;
            long used = calendar.workingTimeBetween(start, Instant.ofEpochMilli(middle), unit)
                    .toMillis();
            if (used * 10 >= total * YELLOW_TENTHS) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Instant.ofEpochMilli(high);
    }

    /** Publishes the cards this node inserted and escalates or supervises the overdue events whose rules say so. */
    private int raise(List<DeadlineRepository.RaisedCard> cards, Instant now) {
        if (cards.isEmpty()) {
            return 0;
        }
        var cardEvents =
                deadlines
                        .cardEvents(cards.stream()
                                .map(DeadlineRepository.RaisedCard::eventId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(DeadlineRepository.CardEvent::id, Function.identity()));
        // By event id, the order in which the insert took its locks, so that escalations never deadlock each other.
        var byEvent = cards.stream()
                .sorted(Comparator.comparingLong(DeadlineRepository.RaisedCard::eventId))
                .toList();
        for (var card : byEvent) {
            var e = cardEvents.get(card.eventId());
            publisher.publishEvent(new DeadlineCardRaised(
                    card.eventId(),
                    e.serialNumber(),
                    e.gridCode(),
                    card.step(),
                    card.card(),
                    card.holderOrg(),
                    card.deadlineAt()));
            if (card.card() == Card.RED && stillRunning(card, e) && autoEscalates(e, card.step())) {
                var reach = deadlines
                        .escalationReach(e.categoryCode(), e.majorCode(), e.urgency())
                        .orElse(DEFAULT_REACH);
                if (e.status().allows(Move.ESCALATE)) {
                    escalate(e, reach, now);
                } else if (AT_ASSIGNEE.contains(e.status()) && reach.superviseAssignee() && e.dispatcherOrg() != null) {
                    superviseForDispatcher(e, now);
                }
            }
        }
        return cards.size();
    }

    private static boolean stillRunning(DeadlineRepository.RaisedCard card, DeadlineRepository.CardEvent e) {
        return card.stepStartedAt().equals(e.stepStartedAt())
                && card.deadlineAt().equals(e.deadlineAt());
    }

    private boolean autoEscalates(DeadlineRepository.CardEvent e, Step step) {
        return catalog.limit(e.categoryCode(), e.urgency(), null, step).autoEscalate();
    }

    /**
     * 逐级上报 by the platform: as {@code Event.escalate}, to the next center, which accepts it anew; not above the
     * level the reach rule allows.
     */
    private void escalate(DeadlineRepository.CardEvent e, DeadlineRepository.EscalationReach reach, Instant now) {
        var parent = organizations.parentCenter(e.holderOrg());
        if (parent.isEmpty() || !withinReach(parent.get().regionCode(), reach.escalateUpTo())) {
            // The top center, or the highest the rule lets it reach, keeps it; the RED card is its notice.
            return;
        }
        var to = Move.ESCALATE.to();
        var due = deadline(e.categoryCode(), e.urgency(), Step.ACCEPT, now);
        String holder = parent.get().code();
        if (!deadlines.moveToHolder(e, to, holder, Step.ACCEPT, now, due)) {
            // Someone moved the event after the card went in; their move stands.
            return;
        }
        events.appendHistory(new EventRepository.HistoryEntry(
                e.id(),
                Move.ESCALATE.name(),
                e.status(),
                to,
                e.holderOrg(),
                holder,
                EventRepository.Actor.SYSTEM,
                "超过时限未办理，系统自动上报",
                due.at(),
                now));
        rollups.recorded(
                new EventRollups.Place(e.id(), e.gridCode(), e.categoryCode(), e.reportedAt()),
                Move.ESCALATE.name(),
                e.status(),
                to,
                now);
        publisher.publishEvent(new EventMoved(
                e.id(), e.serialNumber(), e.gridCode(), Move.ESCALATE, e.status(), to, e.holderOrg(), holder, now));
    }

    /** Whether a center of a region may receive an automatic escalation under the rule's highest level. */
    static boolean withinReach(String centerRegionCode, String escalateUpTo) {
        return switch (escalateUpTo) {
            case "COUNTY" -> true;
            case "TOWNSHIP" ->
                centerRegionCode != null && centerRegionCode.length() >= RegionLevel.TOWNSHIP.codeLength();
            default -> false;
        };
    }

    /**
     * 督办 by the platform in the name of the center that dispatched an overdue case its assignee holds: the case
     * stays where it is, marked RED, and the holder is pressed (the SUPERVISE move notifies it).
     */
    private void superviseForDispatcher(DeadlineRepository.CardEvent e, Instant now) {
        if (!deadlines.supervise(e, "RED")) {
            // Someone moved the event after the card went in; their move stands.
            return;
        }
        events.appendHistory(new EventRepository.HistoryEntry(
                e.id(),
                Move.SUPERVISE.name(),
                e.status(),
                e.status(),
                e.holderOrg(),
                e.holderOrg(),
                new EventRepository.Actor(null, SYSTEM, null, null, e.dispatcherOrg()),
                "超过时限未办结，系统以派遣单位名义红牌督办",
                e.deadlineAt(),
                now,
                null,
                "RED",
                false));
        publisher.publishEvent(new EventMoved(
                e.id(),
                e.serialNumber(),
                e.gridCode(),
                Move.SUPERVISE,
                e.status(),
                e.status(),
                e.holderOrg(),
                e.holderOrg(),
                now));
    }

    private WorkingCalendar.Due deadline(String categoryCode, Urgency urgency, Step step, Instant from) {
        var limit = catalog.limit(categoryCode, urgency, null, step);
        return calendar.due(from, limit.amount(), limit.unit());
    }
}

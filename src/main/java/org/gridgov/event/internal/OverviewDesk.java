package org.gridgov.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.ToLongFunction;
import org.gridgov.common.Permissions;
import org.gridgov.event.EventStatus;
import org.gridgov.event.internal.EventDesk.EventListQuery;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the caller's home page: each one the count of an event-list query, run through the same filter and
 * scope as the list, so that a figure and the list it opens never disagree.
 */
@Service
@Transactional(readOnly = true)
class OverviewDesk {

    private final EventRepository events;
    private final EventScope scope;
    private final CalendarPeriods periods;
    private final CurrentUsers users;
    private final Clock clock;

    OverviewDesk(EventRepository events, EventScope scope, CalendarPeriods periods, CurrentUsers users, Clock clock) {
        this.events = events;
        this.scope = scope;
        this.periods = periods;
        this.users = users;
        this.clock = clock;
    }

    EventOverview overview() {
        var user = users.require();
        var today = periods.today();
        var month = periods.thisMonth();
        // One instant for every count, so that the overdue figure and the cards read the same moment.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ToLongFunction<EventListQuery> count = q -> events.count(scope.filter(q, user, month.from()), now);
        // Only those who press cases or judge the centers read the supervised cases; nobody else pays for the counts.
        boolean oversees = user.can(Permissions.EVENT_SUPERVISE) || user.can(Permissions.ASSESSMENT_APPROVE);
        var bySource = EventDesk.SOURCES.stream()
                .map(source -> new EventOverview.SourceCount(
                        source, count.applyAsLong(query(null, null, today.from(), today.to(), source, null, false))))
                .toList();
        return new EventOverview(
                today.day(),
                today.from(),
                today.to(),
                month.from(),
                month.to(),
                count.applyAsLong(query(null, null, today.from(), today.to(), null, null, false)),
                bySource,
                count.applyAsLong(box("todo")),
                count.applyAsLong(todo(EventStatus.REPORTED)),
                count.applyAsLong(todo(EventStatus.ACCEPTED)),
                count.applyAsLong(todo(EventStatus.FEEDBACK)),
                count.applyAsLong(todo(EventStatus.DISPATCHED)),
                count.applyAsLong(todo(EventStatus.CLAIMED)),
                count.applyAsLong(box("overdue")),
                count.applyAsLong(query(null, null, null, null, null, "YELLOW", false)),
                count.applyAsLong(query(null, null, null, null, null, "RED", false)),
                count.applyAsLong(box("delay")),
                count.applyAsLong(box("returned")),
                count.applyAsLong(query("reported", null, month.from(), null, null, null, false)),
                count.applyAsLong(query("reported", null, month.from(), null, null, null, true)),
                oversees ? count.applyAsLong(supervised(null, true)) : null,
                oversees ? count.applyAsLong(supervised("overdue", false)) : null);
    }

    private static EventListQuery box(String box) {
        return query(box, null, null, null, null, null, false);
    }

    private static EventListQuery supervised(String box, boolean open) {
        return new EventListQuery(box, null, null, null, null, null, null, null, null, null, open, true);
    }

    private static EventListQuery todo(EventStatus status) {
        return query("todo", status.name(), null, null, null, null, false);
    }

    private static EventListQuery query(
            String box, String status, Instant from, Instant to, String source, String card, boolean open) {
        return new EventListQuery(box, status, null, null, from, to, null, null, source, card, open, false);
    }
}

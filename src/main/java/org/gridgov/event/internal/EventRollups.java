package org.gridgov.event.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.common.Unscoped;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the dashboard rollups ({@code event_rollup}, {@code event_closing_rollup}) in step with the event tables, in
 * the same transaction: every writer of an event's status or history reports here what it wrote, right after the
 * history row. The changes are gathered per transaction and written once, just before it commits, summed per rollup
 * row and in the order of the rows' keys. So a transaction takes its rollup row locks last, after all its event rows,
 * and always in one order: two transactions never wait for each other's rollup rows in a circle (no deadlocks), and a
 * batch of many moves (the deadline scan's escalations, a grid's events moved away) writes each rollup row once.
 */
@Component
@Unscoped("writes what its callers moved, each of them in the caller's scope or the platform's own; reads nothing")
class EventRollups {

    /** The statuses of an event not yet finished; the rest (closed, rejected, archived) are done. */
    static final List<String> OPEN = java.util.Arrays.stream(EventStatus.values())
            .filter(EventStatus::isOpen)
            .map(Enum::name)
            .toList();

    private final RollupRepository rollups;
    private final ZoneId zone;

    EventRollups(RollupRepository rollups, WorkingCalendar calendar) {
        this.rollups = rollups;
        this.zone = calendar.zone();
    }

    /** What the rollups need to know of an event: where it lies, what it is and when it was reported. */
    record Place(long eventId, String gridCode, String categoryCode, Instant reportedAt) {}

    /**
     * A history row was appended: its status change moves the event between status rows, and a closing
     * ({@code VERIFY_PASS}) is counted on its day, on time or not as the event's history up to it says. Rows that
     * change no status (supervision, rating, delays) change nothing here.
     */
    void recorded(Place event, String move, EventStatus from, EventStatus to, Instant at) {
        var pending = pending();
        if (from != to) {
            if (from != null) {
                pending.status(key(event, from.name()), -1);
            }
            pending.status(key(event, to.name()), 1);
        }
        if (Move.VERIFY_PASS.name().equals(move)) {
            boolean onTime = rollups.closedOnTime(event.eventId());
            pending.closing(closingKey(event.gridCode(), event.categoryCode(), day(at)), 1, onTime ? 1 : 0);
        }
        flushUnlessInTransaction(pending);
    }

    /**
     * Open events moved from one grid to another (the grid retired or merged): their rows, and the closings of those
     * reopened after a closing, go with them to the new grid's township and county.
     */
    void regridded(Collection<RollupRepository.Regridded> moved, String toGridCode) {
        if (moved.isEmpty()) {
            return;
        }
        var pending = pending();
        for (var e : moved) {
            var old = new Place(e.eventId(), e.fromGridCode(), e.categoryCode(), e.reportedAt());
            var now = new Place(e.eventId(), toGridCode, e.categoryCode(), e.reportedAt());
            pending.status(key(old, e.status()), -1);
            pending.status(key(now, e.status()), 1);
        }
        var byId = new java.util.HashMap<Long, RollupRepository.Regridded>();
        moved.forEach(e -> byId.put(e.eventId(), e));
        for (var closing : rollups.closingsOf(byId.keySet())) {
            var e = byId.get(closing.eventId());
            int onTime = closing.onTime() ? 1 : 0;
            pending.closing(closingKey(e.fromGridCode(), e.categoryCode(), day(closing.at())), -1, -onTime);
            pending.closing(closingKey(toGridCode, e.categoryCode(), day(closing.at())), 1, onTime);
        }
        flushUnlessInTransaction(pending);
    }

    private RollupRepository.StatusKey key(Place event, String status) {
        var g = event.gridCode();
        return new RollupRepository.StatusKey(
                county(g), day(event.reportedAt()), township(g), event.categoryCode(), status);
    }

    private static RollupRepository.ClosingKey closingKey(String gridCode, String categoryCode, LocalDate day) {
        return new RollupRepository.ClosingKey(county(gridCode), day, township(gridCode), categoryCode);
    }

    static String county(String gridCode) {
        return gridCode.substring(0, Math.min(6, gridCode.length()));
    }

    static String township(String gridCode) {
        return gridCode.substring(0, Math.min(9, gridCode.length()));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The changes of the running transaction, registered to be written before it commits. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending();
        }
        var bound = (Pending) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        var pending = new Pending();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                pending.writeTo(rollups);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EventRollups.this);
            }
        });
        return pending;
    }

    /** Outside a transaction (a plain JDBC caller), each report is written at once, as its own statements. */
    private void flushUnlessInTransaction(Pending pending) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            pending.writeTo(rollups);
        }
    }

    /** Changes summed per rollup row, kept in key order. */
    private static final class Pending {

        private final Map<RollupRepository.StatusKey, Integer> status = new TreeMap<>(RollupRepository.StatusKey.ORDER);
        private final Map<RollupRepository.ClosingKey, int[]> closings =
                new TreeMap<>(RollupRepository.ClosingKey.ORDER);

        void status(RollupRepository.StatusKey key, int delta) {
            status.merge(key, delta, Integer::sum);
        }

        void closing(RollupRepository.ClosingKey key, int closed, int onTime) {
            closings.merge(key, new int[] {closed, onTime}, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
        }

        void writeTo(RollupRepository rollups) {
            var statusRows = status.entrySet().stream()
                    .filter(e -> e.getValue() != 0)
                    .map(e -> new RollupRepository.StatusDelta(e.getKey(), e.getValue()))
                    .toList();
            var closingRows = closings.entrySet().stream()
                    .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                    .map(e -> new RollupRepository.ClosingDelta(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
            status.clear();
            closings.clear();
            rollups.add(statusRows, closingRows);
        }
    }
}

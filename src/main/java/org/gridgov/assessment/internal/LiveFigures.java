package org.gridgov.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.gridgov.assessment.SubjectType;
import org.gridgov.event.DeadlineCardRaised;
import org.gridgov.event.DeadlineExtended;
import org.gridgov.event.EventMoved;
import org.gridgov.region.GridsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The live figures of open periods, kept for a few minutes per county, type and period so that a home page, a ranking
 * and its previous period do not count the same events again on every request. A committed move, card or delay of an
 * event drops its county's figures at once; grid changes drop all. What is kept may miss a step that ran late, or a
 * change of base data, since it was counted: for at most {@code gridgov.assessment.live-for}.
 */
@Component
class LiveFigures {

    private static final int MOST = 5000;

    private record Key(SubjectType type, String county, String period) {}

    private record Kept(Instant at, List<Scoring.Counted> counted) {}

    private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();
    private final AssessmentSettings settings;
    private final Clock clock;

    LiveFigures(AssessmentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    List<Scoring.Counted> get(SubjectType type, String county, Period period, Supplier<List<Scoring.Counted>> count) {
        var key = new Key(type, county, period.key());
        Instant now = clock.instant();
        var found = kept.get(key);
        if (found != null
                && !now.isBefore(found.at())
                && now.isBefore(found.at().plus(settings.liveFor()))) {
            return found.counted();
        }
        var counted = count.get();
        if (kept.size() >= MOST) {
            kept.clear();
        }
        kept.put(key, new Kept(now, counted));
        return counted;
    }

    // Plain listeners that act once the publishing transaction commits: a transactional event listener would be
    // tracked by the event publication registry, each completion a transaction (and an audit copy) of its own.
    @EventListener
    void on(EventMoved moved) {
        afterCommit(() -> forget(moved.gridCode()));
    }

    @EventListener
    void on(DeadlineCardRaised raised) {
        afterCommit(() -> forget(raised.gridCode()));
    }

    @EventListener
    void on(DeadlineExtended extended) {
        afterCommit(kept::clear);
    }

    @EventListener
    void on(GridsChanged changed) {
        afterCommit(kept::clear);
    }

    /** Runs once the running transaction has committed (and at once outside one); also drops now, for this node. */
    private void afterCommit(Runnable drop) {
        drop.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drop.run();
                }
            });
        }
    }

    /** Drops the figures of the county of a grid (a department of that county counts its events too). */
    private void forget(String gridCode) {
        if (gridCode == null || gridCode.length() < 6) {
            kept.clear();
            return;
        }
        String county = gridCode.substring(0, 6);
        kept.keySet().removeIf(k -> k.county().equals(county));
    }
}

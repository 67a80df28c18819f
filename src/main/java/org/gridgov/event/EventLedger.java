package org.gridgov.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.gridgov.common.Unscoped;
import org.gridgov.event.internal.LedgerReader;
import org.springframework.stereotype.Component;

/** What other modules may read of the events' history as figures: the facts the assessment counts. */
@Component
@Unscoped("the assessment passes the region it may read, already cut to the caller's scope, as a bound prefix")
public class EventLedger {

    private final LedgerReader reader;

    EventLedger(LedgerReader reader) {
        this.reader = reader;
    }

    /** Events in the grids under a region code reported in {@code [from, to)}, as they stood at {@code cutoff}. */
    public List<EventFact> reportedIn(String regionPrefix, Instant from, Instant to, Instant cutoff) {
        return reader.reportedIn(regionPrefix, from, to, cutoff);
    }

    /**
     * Events in the grids under a region code dispatched at least once in {@code [from, to)} to one of the
     * {@code receivers} (organization codes), as they stood at {@code cutoff}; which of their handlings fall in the
     * period is the caller's to pick.
     */
    public List<EventFact> dispatchedIn(
            String regionPrefix, Collection<String> receivers, Instant from, Instant to, Instant cutoff) {
        return reader.dispatchedIn(regionPrefix, receivers, from, to, cutoff);
    }
}

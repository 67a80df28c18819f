package org.gridgov.assessment.internal;

import org.gridgov.event.EventFact;

/**
 * What an indicator counts: an event (for workers and regions) or one dispatch of an event (for departments).
 *
 * @param handling the dispatch, or null for an event
 */
record Item(EventFact event, EventFact.Handling handling) {

    boolean isDispatch() {
        return handling != null;
    }
}

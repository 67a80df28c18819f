package org.gridgov.event;

import java.util.Optional;
import org.gridgov.event.internal.EventCatalog;
import org.springframework.stereotype.Component;

/** The event category catalog as other modules read it: the categories of its current version. */
@Component
public class EventCategories {

    private final EventCatalog catalog;

    EventCategories(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** A category of the current catalog version with its major, or empty for a code that version lacks. */
    public Optional<CategorySnapshot> current(String code) {
        return catalog.current(code);
    }
}

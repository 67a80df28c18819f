package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a register: the person (by name and grid, the grid's name beside its code) and the values, in the order
 * of the fields.
 */
public record RegisterEntryView(
        long id,
        long registerTypeId,
        long residentId,
        String name,
        String gridCode,
        String gridName,
        Map<String, String> values,
        String actorName,
        Instant createdAt,
        int version,
        Instant updatedAt,
        String updatedByName,
        Instant retiredAt,
        String retiredReason) {

    /** The entry with its grid's name, and any ID number typed into its values masked as the caller may see it. */
    RegisterEntryView shownAs(Disclosure disclosure, String gridName) {
        return new RegisterEntryView(
                id,
                registerTypeId,
                residentId,
                name,
                gridCode,
                gridName,
                disclosure.values(values),
                actorName,
                createdAt,
                version,
                updatedAt,
                updatedByName,
                retiredAt,
                retiredReason);
    }
}

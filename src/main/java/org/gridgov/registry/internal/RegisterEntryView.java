package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.Map;

/** One entry of a register: the person (by name and grid) and the values, in the order of the fields. */
public record RegisterEntryView(
        long id,
        long registerTypeId,
        long residentId,
        String name,
        String gridCode,
        Map<String, String> values,
        String actorName,
        Instant createdAt,
        int version,
        Instant updatedAt,
        String updatedByName,
        Instant retiredAt,
        String retiredReason) {}

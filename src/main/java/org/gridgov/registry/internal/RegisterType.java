package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.List;

/**
 * A register defined by the deployment, with the fields its entries carry; a retired one takes no new entries and no
 * changes, and its entries stay readable.
 */
public record RegisterType(
        long id,
        String code,
        String name,
        List<FieldDefinition> fields,
        String createdByName,
        Instant createdAt,
        int version,
        Instant updatedAt,
        String updatedByName,
        Instant retiredAt,
        String retiredReason) {}

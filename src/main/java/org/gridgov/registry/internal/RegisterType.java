package org.gridgov.registry.internal;

import java.time.Instant;
import java.util.List;

/** A register defined by the deployment, with the fields its entries carry. */
public record RegisterType(
        long id, String code, String name, List<FieldDefinition> fields, String createdByName, Instant createdAt) {}

package org.gridgov.registry.internal;

import java.util.List;

/** A group people are registered in, with the fields its record carries and the ledgers it appears in. */
public record GroupType(
        String code,
        GroupCategory category,
        String name,
        String nameEn,
        int defaultFrequencyDays,
        List<String> ledgers,
        List<FieldDefinition> fields) {}

package org.gridgov.registry.internal;

import java.time.Instant;

/** A change of a registry record as its history lists it: one field, old → new (personal data masked), who, when. */
public record ChangeRow(
        long id, String field, String oldValue, String newValue, String actorName, String note, Instant at) {}

package org.gridgov.registry.internal;

import java.util.Map;

/** An entry to add to a register: the person and the values of the register's fields. */
public record RegisterEntryDraft(Long residentId, Map<String, String> values) {}

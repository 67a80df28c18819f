package org.gridgov.registry.internal;

import java.util.Map;

/**
 * An entry of a register: the person (only when adding; an entry stays with its person) and the values of the
 * register's fields; {@code version} only on change.
 */
public record RegisterEntryDraft(Long residentId, Map<String, String> values, Integer version) {}

package org.gridgov.common;

import java.util.Collection;
import java.util.Map;

/**
 * Names of one module's objects for people to read, so that a record saying {@code resident 34475} can show whom it
 * concerns. The module that owns the objects implements it; whoever shows such references (the audit log) asks every
 * implementation. Labels are names only, never ID or phone numbers.
 */
public interface ObjectLabels {

    /**
     * The object types named here, each with the API path under which one object is found by its key (such as
     * {@code resident} → {@code /api/registry/residents/}), so that a path can name its object too; an empty text
     * where the API has no such path.
     */
    Map<String, String> objectTypes();

    /** The labels of some keys of one of {@link #objectTypes()}; keys not found (or not keys at all) are left out. */
    Map<String, String> labels(String objectType, Collection<String> keys);

    /** The keys that are numbers, as numeric ids; the rest is left out. */
    static Long[] numericIds(Collection<String> keys) {
        return keys.stream()
                .filter(k -> k != null && k.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .distinct()
                .toArray(Long[]::new);
    }
}

package org.gridgov.registry.internal;

/** What a visit (走访) is of: a household, a house, a place or a registered person. */
public enum VisitSubject {
    HOUSEHOLD,
    HOUSE,
    PLACE,
    PERSON;

    static VisitSubject of(String name) {
        for (var kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}

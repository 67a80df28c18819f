package org.gridgov.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.common.PersonalDataKind;

/** The fields of a registry record that differ between two states, as history lines; personal data masked. */
final class Diff {

    private final List<ChangeLog.Change> changes = new ArrayList<>();

    Diff field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new ChangeLog.Change(name, text(before), text(after)));
        }
        return this;
    }

    /** Compares plain values (a sealed value differs on every seal) and writes them masked. */
    Diff personal(String name, PersonalDataKind kind, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new ChangeLog.Change(name, masked(kind, before), masked(kind, after)));
        }
        return this;
    }

    Diff add(ChangeLog.Change change) {
        changes.add(change);
        return this;
    }

    List<ChangeLog.Change> changes() {
        return List.copyOf(changes);
    }

    private static String masked(PersonalDataKind kind, String plain) {
        return plain == null ? null : kind.mask(kind.normalize(plain));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}

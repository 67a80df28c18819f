package org.gridgov.registry.web;

import org.gridgov.registry.ResidentKind;
import org.gridgov.registry.internal.ResidentDesk.SearchQuery;

/**
 * The query parameters of a resident search, shared by the list and the export so that both find the same people:
 * {@code idNumber} and {@code phone} exact (through their lookup hashes), {@code name} as a prefix,
 * {@code nameContains} as a fragment, {@code address} as a prefix of the current or house address, {@code gridCode}
 * as a prefix (a village code finds its grids).
 */
record ResidentFilter(
        String idNumber,
        String name,
        String nameContains,
        String phone,
        String gridCode,
        ResidentKind kind,
        String tag,
        String address,
        Boolean includeRetired) {

    SearchQuery query() {
        return new SearchQuery(
                idNumber, name, nameContains, phone, gridCode, kind, tag, address, Boolean.TRUE.equals(includeRetired));
    }
}

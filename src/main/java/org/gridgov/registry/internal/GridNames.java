package org.gridgov.registry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.function.Function;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Component;

/** The names people see beside grid codes in registry lists and records, asked of the region module in batches. */
@Component
class GridNames {

    private final RegionApi regions;

    GridNames(RegionApi regions) {
        this.regions = regions;
    }

    /**
     * A lookup of grid names that asks for the given codes in one call and remembers every answer, so that a page of
     * rows or an export in a few grids costs a few queries, not one per row. Not shared between requests: a grid
     * renamed meanwhile shows its new name on the next one.
     */
    Function<String, String> lookup(Collection<String> codes) {
        var known = new HashMap<String, String>();
        var distinct = codes.stream().filter(c -> c != null).distinct().toList();
        if (!distinct.isEmpty()) {
            known.putAll(regions.names(distinct));
            distinct.forEach(c -> known.putIfAbsent(c, null));
        }
        return code -> {
            if (code == null) {
                return null;
            }
            if (!known.containsKey(code)) {
                known.put(code, regions.names(java.util.List.of(code)).get(code));
            }
            return known.get(code);
        };
    }

    String of(String code) {
        return code == null ? null : lookup(java.util.List.of(code)).apply(code);
    }
}

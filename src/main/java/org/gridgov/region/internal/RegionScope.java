package org.gridgov.region.internal;

import org.gridgov.common.CurrentScope;
import org.gridgov.common.DataScope;
import org.springframework.stereotype.Component;

/**
 * The caller's scope within this deployment's tree, as a code prefix every scoped query binds and, for a caller who
 * covers grids, those grids: such a caller sees the names of the regions above their grids, and of nothing beside
 * them.
 */
@Component
class RegionScope {

    private final CurrentScope scope;
    private final RegionSettings settings;

    RegionScope(CurrentScope scope, RegionSettings settings) {
        this.scope = scope;
        this.settings = settings;
    }

    /**
     * The deeper of the deployment's root and the caller's scope; a scope beside the root covers nothing, and "-"
     * matches no code.
     */
    String prefix() {
        String prefix = scope.regionPrefix();
        String root = settings.rootCode();
        if (root.startsWith(prefix)) {
            return root;
        }
        return prefix.startsWith(root) ? prefix : "-";
    }

    /** {@link #prefix()} with the caller's grids, as queries bind them. */
    DataScope data() {
        return new DataScope(prefix(), scope.gridCodes());
    }

    /** Whether a code lies inside the scope: what the caller may change. */
    boolean covers(String code) {
        return data().covers(code);
    }

    /**
     * Refuses codes the caller may not read, as "not found", so that a caller cannot even learn which codes exist
     * elsewhere: codes outside the scope, but for the regions above the caller's own grids.
     */
    void require(String code) {
        if (!data().reaches(code)) {
            throw RegionCatalog.notFound(code);
        }
    }

    /** As {@link #require}, for a code the caller is about to change: it must lie inside the scope. */
    void requireCovered(String code) {
        if (!covers(code)) {
            throw RegionCatalog.notFound(code);
        }
    }
}

package org.gridgov.region.internal;

import org.gridgov.common.CurrentScope;
import org.springframework.stereotype.Component;

/** The caller's scope within this deployment's tree, as a code prefix every scoped query binds. */
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

    boolean covers(String code) {
        return code != null && code.startsWith(prefix());
    }

    /**
     * Refuses codes outside the scope as "not found", so that a caller cannot even learn which codes exist
     * elsewhere.
     */
    void require(String code) {
        if (!covers(code)) {
            throw RegionCatalog.notFound(code);
        }
    }
}

package org.gridgov.event.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.event.internal.CatalogBrowser;
import org.gridgov.event.internal.CatalogBrowser.CatalogVersion;
import org.gridgov.event.internal.CatalogBrowser.CategoryDetail;
import org.gridgov.event.internal.CatalogBrowser.CategoryNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event category catalog, read-only: the category tree of the current version and the list of versions. */
@RestController
@RequestMapping("/api")
class CatalogController {

    private final CatalogBrowser catalog;

    CatalogController(CatalogBrowser catalog) {
        this.catalog = catalog;
    }

    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping("/event-categories")
    PageResult<CategoryNode> categories(
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return catalog.children(parent, PageQuery.of(page, size));
    }

    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping("/event-categories/{code}")
    CategoryDetail category(@PathVariable String code) {
        return catalog.detail(code);
    }

    @RequiresPermission(Permissions.EVENT_READ)
    @GetMapping("/catalog-versions")
    PageResult<CatalogVersion> versions(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return catalog.versions(PageQuery.of(page, size));
    }
}

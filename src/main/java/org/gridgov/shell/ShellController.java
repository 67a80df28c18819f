package org.gridgov.shell;

import org.gridgov.region.RegionApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the browser application needs to know before it draws its first page. */
@RestController
class ShellController {

    private final ShellSettings settings;
    private final RegionApi regions;

    ShellController(ShellSettings settings, RegionApi regions) {
        this.settings = settings;
        this.regions = regions;
    }

    record ShellConfig(
            String appName, String rootRegionCode, String tileUrl, String tileAttribution, String tileOverlayUrl) {}

    @GetMapping("/api/shell/config")
    ShellConfig config() {
        return new ShellConfig(
                "网格化服务管理平台",
                regions.rootCode(),
                blankToNull(settings.tileUrl()),
                blankToNull(settings.tileAttribution()),
                blankToNull(settings.tileOverlayUrl()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

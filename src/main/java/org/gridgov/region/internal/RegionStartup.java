package org.gridgov.region.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On start: the shipped division codes, then the demo county when asked for, then the locate index. */
@Component
@Order(10)
class RegionStartup implements ApplicationRunner {

    private final RegionRegister imports;
    private final DemoData demo;
    private final GridLocator locator;
    private final boolean demoEnabled;
    private final int demoGrids;

    RegionStartup(
            RegionRegister imports,
            DemoData demo,
            GridLocator locator,
            @Value("${gridgov.demo.enabled:false}") boolean demoEnabled,
            @Value("${gridgov.demo.grids:2000}") int demoGrids) {
        this.imports = imports;
        this.demo = demo;
        this.locator = locator;
        this.demoEnabled = demoEnabled;
        this.demoGrids = demoGrids;
    }

    @Override
    public void run(ApplicationArguments args) {
        imports.importReferenceIfEmpty();
        if (demoEnabled) {
            demo.loadIfAbsent(demoGrids);
        }
        // Builds the index unless the demo load's change event has just built it.
        locator.current();
    }
}

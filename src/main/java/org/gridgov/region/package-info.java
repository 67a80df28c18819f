/** The administrative region tree and the grids under it: codes, outlines, adjustments and locating a point. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package org.gridgov.region;

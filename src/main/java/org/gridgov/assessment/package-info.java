/**
 * Assessment (考核): indicators of every grid worker, grid, village, township, county and department counted from the
 * events' history and the registry's base data, combined by weights the deployment keeps into scores, grades and
 * rankings per month, quarter and year, each number traceable to what it counts; periods close and freeze,
 * corrections come as adjustments.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "region", "identity", "event", "registry"})
package org.gridgov.assessment;

/**
 * Assessment (考核): indicators of every grid worker, grid, village, township, county and department counted from the
 * events' history, combined by weights the deployment keeps into scores, grades and rankings per month, quarter and
 * year, each number traceable to the events behind it; periods close and freeze, corrections come as adjustments.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "region", "identity", "event"})
package org.gridgov.assessment;

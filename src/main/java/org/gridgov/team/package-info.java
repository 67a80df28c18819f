/**
 * Grid teams (网格队伍): who serves each grid in which position from when to when, kept as history, and the cadres
 * assigned to answer for townships, villages and grids (包联), with the chain of responsibility from a grid up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "region", "identity", "audit"})
package org.gridgov.team;

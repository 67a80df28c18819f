/**
 * The base information registry (人、地、事、物、情、组织): residents, households, houses, places and organizations of every grid, kept with
 * their history, searchable within the caller's scope, personal data sealed and masked.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "region", "identity", "audit"})
package org.gridgov.registry;

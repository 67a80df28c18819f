/**
 * The base information registry (人、地、事、物、情、组织): residents, households, houses, places and organizations of every grid, kept with
 * their history, searchable within the caller's scope, personal data sealed and masked; and the visits (走访) made to
 * them, with the schedules that plan them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "region", "identity", "audit", "photo"})
package org.gridgov.registry;

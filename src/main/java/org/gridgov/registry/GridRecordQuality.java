package org.gridgov.registry;

/**
 * How complete and fresh one grid's base data is, as other modules count it.
 *
 * @param requiredFields the fields residents are expected to have filled in (phone, address, household, ethnicity;
 *     a child's phone and a foreigner's ethnicity are not expected)
 * @param missingFields of those, how many are empty
 * @param verified residents whose record was confirmed (or made) since the verification window began
 * @param groupMembers residents in a special group or a service-recipient group now
 * @param followUpsOnTime of those, whose next follow-up (走访) is not overdue
 */
public record GridRecordQuality(
        String gridCode,
        long residents,
        long requiredFields,
        long missingFields,
        long verified,
        long groupMembers,
        long followUpsOnTime) {}

package org.gridgov.team;

import java.time.LocalDate;

/**
 * A member as the roster form gives them, to add or to change. Adding takes {@code validFrom} (default today); a
 * change takes {@code effectiveFrom} (default today), the day the new version begins, and the {@code version} the
 * caller saw.
 *
 * @param employment left out where the position fixes it
 * @param name left out to take the linked account's name
 * @param phone a mobile or a landline with its area code; sent back as it was shown (masked), it stays unchanged
 * @param userId the member's account, to link; null for a member without one
 * @param validTo the day the member's service ends (exclusive), null for open-ended
 * @param note why, written to the history
 */
public record MemberCommand(
        String positionCode,
        Employment employment,
        String name,
        String phone,
        String duties,
        Long userId,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate effectiveFrom,
        String note,
        Integer version) {}

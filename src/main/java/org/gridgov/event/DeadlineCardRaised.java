package org.gridgov.event;

import java.time.Instant;

/**
 * A step of an event used 80 % of its time (yellow card, 黄牌) or ran past its deadline (red card, 红牌); raised once
 * per run of a step and deadline, for notifying the holder and the level above it.
 *
 * @param gridCode the grid the event lies in, so that listeners address only those whose scope covers it
 * @param holderOrg the organization holding the event when the card was raised
 * @param deadlineAt the deadline the card is about
 */
public record DeadlineCardRaised(
        long eventId,
        String serialNumber,
        String gridCode,
        Step step,
        Card card,
        String holderOrg,
        Instant deadlineAt) {

    /** The colour of a deadline card. */
    public enum Card {
        /** 80 % of the step's time is used. 黄牌 */
        YELLOW,
        /** The deadline has passed. 红牌 */
        RED
    }
}

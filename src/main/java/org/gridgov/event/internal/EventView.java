package org.gridgov.event.internal;

import java.time.Instant;
import java.util.List;
import org.gridgov.event.EventStatus;
import org.gridgov.event.Move;
import org.gridgov.event.Step;
import org.gridgov.event.Urgency;

/**
 * An event as the API shows it to one caller: the reporter's phone masked, the deadline card of the current step,
 * and the moves this caller may make now.
 *
 * @param lon null, with {@code lat}, for a report that named its grid without a point
 * @param gridName the current name of {@code gridCode}; {@code villageName} and {@code townshipName} those of the
 *     village and township it lies in; null when unknown
 * @param holderOrgName the name of {@code holderOrg}; likewise for the dispatcher and the handler, null when unknown
 * @param deadlineProvisional the deadline was counted into a year whose holidays are not entered yet (暂定); it is
 *     counted again when they are
 * @param card GREEN, YELLOW (80 % of the step's time used) or RED (overdue); null when no step is running
 * @param satisfaction the rating of the current closing; null until its return visit (a reopened case drops it)
 * @param allowedMoves the moves this caller can make now with success
 * @param allowedActions what else this caller can do now: MERGE, ADD_PHOTO, DELAY_REQUEST, DELAY_DECIDE
 */
public record EventView(
        long id,
        String serialNumber,
        String title,
        String description,
        String categoryCode,
        String categoryName,
        String majorCode,
        String majorName,
        Urgency urgency,
        Double lon,
        Double lat,
        String address,
        String gridCode,
        String gridName,
        String villageName,
        String townshipName,
        long gridVersionId,
        String source,
        String reporterName,
        String reporterPhone,
        int involvedCount,
        EventStatus status,
        String statusLabel,
        String holderOrg,
        String holderOrgName,
        String dispatcherOrg,
        String dispatcherOrgName,
        String handlerOrg,
        String handlerOrgName,
        Step step,
        Instant deadlineAt,
        boolean deadlineProvisional,
        String card,
        String supervision,
        Integer satisfaction,
        String result,
        int version,
        Instant reportedAt,
        Instant closedAt,
        List<Move> allowedMoves,
        List<String> allowedActions) {}

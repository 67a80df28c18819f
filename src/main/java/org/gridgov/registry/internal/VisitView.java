package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A visit as a list or a page shows it: what was visited, in which grid (by name), why and how, what was found, where
 * and by whom; {@code mine} when the caller made it (and may add photos to it on its day and the two after).
 */
public record VisitView(
        long id,
        String gridCode,
        String gridName,
        VisitSubject subjectKind,
        long subjectId,
        String subjectName,
        Long memberId,
        VisitPurpose purpose,
        String method,
        String content,
        LocalDate doneOn,
        Instant visitedAt,
        Instant receivedAt,
        Double lon,
        Double lat,
        String actorName,
        boolean mine,
        List<Photo> photos) {

    /** A photo of the visit, read at /api/visits/{id}/photos/{photoId}. */
    public record Photo(long id, String filename, int size) {}
}

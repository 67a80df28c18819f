package org.gridgov.registry.internal;

import java.time.Instant;

/**
 * A visit to record. {@code memberId} names the group registration of the person it followed up, if any;
 * {@code visitedAt} is the time on the phone for a visit recorded without a network and sent later (at most three
 * days old), else now; {@code method} is VISIT (in person, the default) or PHONE. {@code requestId} is required: a
 * phone sends a visit again until it gets an answer, and the visit is kept once.
 */
public record VisitDraft(
        String subjectKind,
        Long subjectId,
        Long memberId,
        String purpose,
        String method,
        String content,
        Instant visitedAt,
        Double lon,
        Double lat,
        Double accuracy,
        String requestId) {}

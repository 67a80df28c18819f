package org.gridgov.registry.internal;

import java.time.Instant;

/**
 * A schedule of visits: which records ({@code selection} of {@code subjectKind}) are visited every how many days; an
 * empty interval means each person's registration frequency. Kept by the deployment (registry:define).
 */
public record VisitSchedule(
        String code,
        String name,
        String nameEn,
        VisitSubject subjectKind,
        String selection,
        Integer intervalDays,
        boolean active,
        Instant updatedAt,
        String updatedBy) {

    /** A change of a schedule: its interval (not for GROUP_MEMBER) and whether it is in force. */
    public record Change(Integer intervalDays, Boolean active) {}
}

package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One follow-up (走访/帮扶) as the timeline shows it. */
public record FollowUpView(
        long id, LocalDate doneOn, String kind, String content, String actorName, Instant createdAt) {}

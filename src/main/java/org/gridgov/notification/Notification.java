package org.gridgov.notification;

import java.time.Instant;

/**
 * A notification as its recipient sees it.
 *
 * @param eventId the event it is about, for opening the event; null for a notification about no event
 * @param readAt when the caller marked it read; null while they have not (read state is each person's own)
 */
public record Notification(
        long id,
        NotificationKind kind,
        Long eventId,
        String serialNumber,
        String title,
        String titleEn,
        Instant createdAt,
        Instant readAt) {}

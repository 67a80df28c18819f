package org.gridgov.notification.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.gridgov.notification.Notification;
import org.gridgov.notification.internal.NotificationInbox;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications: those addressed to their organization or to them. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    /** A page of notifications is for reading, not for export. */
    private static final int MAX_PAGE_SIZE = 100;

    private final NotificationInbox inbox;

    NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    record UnreadCount(long count) {}

    record Marked(int marked) {}

    /** Newest first; {@code unread=true} for the unread ones only. */
    @GetMapping
    @RequiresPermission(Permissions.NOTIFICATION_READ)
    PageResult<Notification> list(
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return inbox.list(Boolean.TRUE.equals(unread), PageQuery.of(page, size, MAX_PAGE_SIZE));
    }

    @GetMapping("/unread-count")
    @RequiresPermission(Permissions.NOTIFICATION_READ)
    UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount());
    }

    @PostMapping("/{id}/read")
    @RequiresPermission(Permissions.NOTIFICATION_READ)
    Notification read(@PathVariable long id) {
        return inbox.markRead(id);
    }

    /** Marks every unread notification read, or with {@code upTo} those up to that id (the newest one shown). */
    @PostMapping("/read-all")
    @RequiresPermission(Permissions.NOTIFICATION_READ)
    Marked readAll(@RequestParam(required = false) Long upTo) {
        if (upTo != null && upTo < 1) {
            throw ProblemException.invalid("upTo", "range", "upTo 须为正整数", "upTo must be a positive id");
        }
        return new Marked(inbox.markAllRead(upTo));
    }
}

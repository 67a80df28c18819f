package org.gridgov.notification.internal;

import java.time.Clock;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.notification.Notification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notifications: lists, the unread count for the bell, and marking read. A notification
 * addressed to someone else answers 404, as one that does not exist.
 */
@Service
@Transactional
public class NotificationInbox {

    private final NotificationRepository notifications;
    private final NotificationScope scope;
    private final Clock clock;

    NotificationInbox(NotificationRepository notifications, NotificationScope scope, Clock clock) {
        this.notifications = notifications;
        this.scope = scope;
        this.clock = clock;
    }

    /** The caller's notifications, newest first; only unread ones when {@code unreadOnly}. */
    @Transactional(readOnly = true)
    public PageResult<Notification> list(boolean unreadOnly, PageQuery page) {
        var me = scope.recipient();
        return PageResult.of(notifications.list(me, unreadOnly, page), page, notifications.count(me, unreadOnly));
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        var me = scope.recipient();
        return notifications.count(me, true);
    }

    /**
     * Marks a notification read for the caller and answers it; reading it again keeps the first reading's time. Others
     * it is addressed to keep it unread until they read it themselves.
     */
    public Notification markRead(long id) {
        var me = scope.recipient();
        find(id, me);
        notifications.markRead(id, me, clock.instant());
        return find(id, me);
    }

    /**
     * Marks the caller's unread notifications read: all of them, or with {@code upTo} only those up to that id, so
     * that one arriving after the caller looked stays unread.
     */
    public int markAllRead(Long upTo) {
        var me = scope.recipient();
        return notifications.markAllRead(me, upTo == null ? Long.MAX_VALUE : upTo, clock.instant());
    }

    private Notification find(long id, NotificationScope.Recipient me) {
        return notifications.find(id, me).orElseThrow(() -> ProblemException.notFound("消息不存在", "No such notification"));
    }
}

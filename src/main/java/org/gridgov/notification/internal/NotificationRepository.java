package org.gridgov.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.notification.Notification;
import org.gridgov.notification.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification table. Every read and every mark binds the caller's organization and user id, so that a caller
 * reaches only what is addressed to them; inserts come from the listeners, which have no caller.
 */
@Repository
@ScopedData(tables = {"notification"})
class NotificationRepository {

    private static final String COLUMNS = "id, kind, event_id, serial_number, title_zh, title_en, created_at, read_at";

    /** Addressed to the caller: to their organization as a whole, or to them by name. */
    private static final String ADDRESSED =
            "((recipient_user is null and recipient_org = cast(:org as text)) or recipient_user = :user)";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notification to store; {@code recipientUser} null addresses everyone in {@code recipientOrg}. */
    record NewNotification(
            String recipientOrg,
            Long recipientUser,
            NotificationKind kind,
            Long eventId,
            String serialNumber,
            String title,
            String titleEn,
            String dedupeKey,
            Instant createdAt) {}

    /** Stores a notification unless the same one is there already; answers whether it went in. */
    boolean insert(NewNotification n) {
        return jdbc.sql("""
                                insert into notification (recipient_org, recipient_user, kind, event_id, serial_number,
                                    title_zh, title_en, dedupe_key, created_at)
                                values (:org, :user, :kind, :eventId, :serial, :title, :titleEn, :key, :at)
                                on conflict do nothing""")
                        .param("org", n.recipientOrg())
                        .param("user", n.recipientUser())
                        .param("kind", n.kind().name())
                        .param("eventId", n.eventId())
                        .param("serial", n.serialNumber())
                        .param("title", n.title())
                        .param("titleEn", n.titleEn())
                        .param("key", n.dedupeKey())
                        .param("at", Timestamp.from(n.createdAt()))
                        .update()
                == 1;
    }

    /** The caller's notifications, newest first; only the unread ones when {@code unreadOnly}. */
    List<Notification> list(String org, long user, boolean unreadOnly, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from notification where " + ADDRESSED + unread(unreadOnly)
                        + " order by id desc limit :limit offset :offset")
                .param("org", org)
                .param("user", user)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(NotificationRepository::notification)
                .list();
    }

    long count(String org, long user, boolean unreadOnly) {
        return jdbc.sql("select count(*) from notification where " + ADDRESSED + unread(unreadOnly))
                .param("org", org)
                .param("user", user)
                .query(Long.class)
                .single();
    }

    Optional<Notification> find(long id, String org, long user) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = :id and " + ADDRESSED)
                .param("id", id)
                .param("org", org)
                .param("user", user)
                .query(NotificationRepository::notification)
                .optional();
    }

    /** Marks one notification read, keeping the first reading's time when it was read already. */
    void markRead(long id, String org, long user, Instant at) {
        jdbc.sql("update notification set read_at = :at where id = :id and read_at is null and " + ADDRESSED)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("org", org)
                .param("user", user)
                .update();
    }

    /** Marks every unread notification of the caller up to id {@code upTo} read; answers how many. */
    int markAllRead(String org, long user, long upTo, Instant at) {
        return jdbc.sql("update notification set read_at = :at where read_at is null and id <= :upTo and " + ADDRESSED)
                .param("at", Timestamp.from(at))
                .param("upTo", upTo)
                .param("org", org)
                .param("user", user)
                .update();
    }

    /** One of two fixed texts, never a request value. */
    private static String unread(boolean unreadOnly) {
        return unreadOnly ? " and read_at is null" : "";
    }

    private static Notification notification(ResultSet rs, int n) throws SQLException {
        return new Notification(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getObject("event_id", Long.class),
                rs.getString("serial_number"),
                rs.getString("title_zh"),
                rs.getString("title_en"),
                instant(rs, "created_at"),
                instant(rs, "read_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package org.gridgov.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.notification.Notification;
import org.gridgov.notification.NotificationKind;
import org.gridgov.notification.internal.NotificationScope.Recipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification table and who read what. Every read and every mark binds the caller as an addressee (user id,
 * organization, permissions and scope), so that a caller reaches only what is addressed to them; read state is kept
 * per person. Inserts come from the listeners, which have no caller.
 */
@Repository
@ScopedData(tables = {"notification", "notification_read"})
class NotificationRepository {

    private static final String COLUMNS = """
            n.id, n.kind, n.event_id, n.serial_number, n.title_zh, n.title_en, n.created_at,
            (select r.read_at from notification_read r where r.county_code = n.county_code
                and r.notification_id = n.id and r.user_id = :user) as read_at""";

    /**
     * Addressed to the caller: to them by name, or to their organization about something they may act on — they hold
     * one of the permissions it asks for and their scope covers its grid.
     */
    private static final String ADDRESSED = """
            n.county_code like :county || '%'
            and (n.recipient_user = :user
                 or (n.recipient_user is null and n.recipient_org = cast(:org as text)
                     and (n.permissions is null or n.permissions && cast(:permissions as text[]))
                     and (n.grid_code is null
                          or (n.grid_code like :prefix || '%' and """ + DataScope.inGrids("n.grid_code") + ")))) ";

    /** Not yet read by the caller. */
    private static final String UNREAD = " and not exists (select 1 from notification_read r"
            + " where r.county_code = n.county_code and r.notification_id = n.id and r.user_id = :user)";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A notification to store; {@code recipientUser} null addresses those members of {@code recipientOrg} who hold
     * one of {@code permissions} (anyone when null) and whose scope covers {@code gridCode} (anyone when null).
     */
    record NewNotification(
            String countyCode,
            String recipientOrg,
            Long recipientUser,
            String gridCode,
            List<String> permissions,
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
                                insert into notification (county_code, recipient_org, recipient_user, grid_code,
                                    permissions, kind, event_id, serial_number, title_zh, title_en, dedupe_key,
                                    created_at)
                                values (:county, :org, :user, :grid, cast(:permissions as text[]), :kind, :eventId,
                                    :serial, :title, :titleEn, :key, :at)
                                on conflict do nothing""")
                        .param("county", n.countyCode())
                        .param("org", n.recipientOrg())
                        .param("user", n.recipientUser())
                        .param("grid", n.gridCode())
                        .param(
                                "permissions",
                                n.permissions() == null ? null : n.permissions().toArray(String[]::new))
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

    /** The caller's notifications, newest first; only the ones they have not read when {@code unreadOnly}. */
    List<Notification> list(Recipient me, boolean unreadOnly, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from notification n where " + ADDRESSED + unread(unreadOnly)
                                + " order by n.id desc limit :limit offset :offset"),
                        me)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(NotificationRepository::notification)
                .list();
    }

    long count(Recipient me, boolean unreadOnly) {
        return bind(jdbc.sql("select count(*) from notification n where " + ADDRESSED + unread(unreadOnly)), me)
                .query(Long.class)
                .single();
    }

    Optional<Notification> find(long id, Recipient me) {
        return bind(jdbc.sql("select " + COLUMNS + " from notification n where n.id = :id and " + ADDRESSED), me)
                .param("id", id)
                .query(NotificationRepository::notification)
                .optional();
    }

    /** Marks one notification read for the caller, keeping the first reading's time when they read it already. */
    void markRead(long id, Recipient me, Instant at) {
        bind(
                        jdbc.sql("insert into notification_read (county_code, notification_id, user_id, read_at)"
                                + " select n.county_code, n.id, :user, :at from notification n where n.id = :id and "
                                + ADDRESSED + " on conflict do nothing"),
                        me)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Marks every notification of the caller up to id {@code upTo} read for them; answers how many were unread. */
    int markAllRead(Recipient me, long upTo, Instant at) {
        return bind(
                        jdbc.sql("insert into notification_read (county_code, notification_id, user_id, read_at)"
                                + " select n.county_code, n.id, :user, :at from notification n where n.id <= :upTo and "
                                + ADDRESSED + UNREAD + " on conflict do nothing"),
                        me)
                .param("at", Timestamp.from(at))
                .param("upTo", upTo)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Recipient me) {
        return spec.param("county", me.county())
                .param("user", me.userId())
                .param("org", me.organizationCode())
                .param("permissions", me.permissions())
                .param("prefix", me.scope().prefix())
                .param(DataScope.GRIDS_PARAMETER, me.scope().gridPatterns());
    }

    /** One of two fixed texts, never a request value. */
    private static String unread(boolean unreadOnly) {
        return unreadOnly ? UNREAD : "";
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

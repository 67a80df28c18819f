package org.gridgov.event.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos of events; callers check the event's scope first, and every read names the event. */
@Repository
@ScopedData(tables = {"event_attachment"})
class AttachmentRepository {

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long eventId, String filename, String contentType, byte[] data, Long by, String byName, Instant at) {
        return jdbc.sql("""
                        insert into event_attachment (event_id, filename, content_type, size, data, uploaded_by,
                            uploaded_by_name, uploaded_at)
                        values (:event, :filename, :type, :size, :data, :by, :byName, :at) returning id""")
                .param("event", eventId)
                .param("filename", filename)
                .param("type", contentType)
                .param("size", data.length)
                .param("data", data)
                .param("by", by)
                .param("byName", byName)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    long count(long eventId) {
        return jdbc.sql("select count(*) from event_attachment where event_id = :event")
                .param("event", eventId)
                .query(Long.class)
                .single();
    }

    List<EventAttachments.Attachment> list(long eventId, PageQuery page) {
        return jdbc.sql("""
                        select id, event_id, filename, content_type, size, uploaded_by_name, uploaded_at
                        from event_attachment where event_id = :event order by id limit :limit offset :offset""")
                .param("event", eventId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new EventAttachments.Attachment(
                        rs.getLong("id"),
                        rs.getLong("event_id"),
                        rs.getString("filename"),
                        rs.getString("content_type"),
                        rs.getInt("size"),
                        rs.getString("uploaded_by_name"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    record Content(String contentType, byte[] data) {}

    Optional<Content> content(long eventId, long attachmentId) {
        return jdbc.sql("select content_type, data from event_attachment where id = :id and event_id = :event")
                .param("id", attachmentId)
                .param("event", eventId)
                .query((rs, n) -> new Content(rs.getString("content_type"), rs.getBytes("data")))
                .optional();
    }
}

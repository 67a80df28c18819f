package org.gridgov.photo.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.ScopedData;
import org.gridgov.photo.PhotoContent;
import org.gridgov.photo.StoredPhoto;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The photos' rows; every read names the county and the owning record the caller's module has checked. */
@Repository
@ScopedData(tables = {"photo"})
class PhotoRepository {

    private static final String COLUMNS = "id, owner_type, owner_id, filename, content_type, size, uploaded_at";

    private static final RowMapper<StoredPhoto> PHOTO = (rs, n) -> new StoredPhoto(
            rs.getLong("id"),
            rs.getString("owner_type"),
            rs.getObject("owner_id", Long.class),
            rs.getString("filename"),
            rs.getString("content_type"),
            rs.getInt("size"),
            rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcClient jdbc;

    PhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StoredPhoto insert(
            String county, String ownerType, String filename, String type, byte[] data, long by, Instant at) {
        return jdbc.sql("""
                        insert into photo (county_code, owner_type, filename, content_type, size, data, uploaded_by,
                            uploaded_at)
                        values (:county, :ownerType, :filename, :type, :size, :data, :by, :at)
                        returning""" + " " + COLUMNS)
                .param("county", county)
                .param("ownerType", ownerType)
                .param("filename", filename)
                .param("type", type)
                .param("size", data.length)
                .param("data", data)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .query(PHOTO)
                .single();
    }

    /** Of the photos asked for, those that are the record's or the uploader's and not yet taken. */
    List<Long> takeable(String county, String ownerType, long ownerId, long by, Long[] ids) {
        return jdbc.sql("""
                        select id from photo
                        where county_code = :county and owner_type = :ownerType and id = any(:ids)
                          and (owner_id = :owner or (owner_id is null and uploaded_by = :by))""")
                .param("county", county)
                .param("ownerType", ownerType)
                .param("ids", ids)
                .param("owner", ownerId)
                .param("by", by)
                .query(Long.class)
                .list();
    }

    void take(String county, String ownerType, long ownerId, Long[] ids) {
        jdbc.sql("""
                        update photo set owner_id = :owner
                        where county_code = :county and owner_type = :ownerType and id = any(:ids)""")
                .param("county", county)
                .param("ownerType", ownerType)
                .param("owner", ownerId)
                .param("ids", ids)
                .update();
        jdbc.sql("""
                        delete from photo
                        where county_code = :county and owner_type = :ownerType and owner_id = :owner
                          and not (id = any(:ids))""")
                .param("county", county)
                .param("ownerType", ownerType)
                .param("owner", ownerId)
                .param("ids", ids)
                .update();
    }

    List<StoredPhoto> ofOwners(String county, String ownerType, Long[] ownerIds) {
        return jdbc.sql("select " + COLUMNS + """
                         from photo
                        where county_code = :county and owner_type = :ownerType and owner_id = any(:owners)
                        order by owner_id, id""")
                .param("county", county)
                .param("ownerType", ownerType)
                .param("owners", ownerIds)
                .query(PHOTO)
                .list();
    }

    Optional<PhotoContent> content(String county, String ownerType, long ownerId, long id) {
        return jdbc.sql("""
                        select content_type, data from photo
                        where county_code = :county and id = :id and owner_type = :ownerType and owner_id = :owner""")
                .param("county", county)
                .param("id", id)
                .param("ownerType", ownerType)
                .param("owner", ownerId)
                .query((rs, n) -> new PhotoContent(rs.getString("content_type"), rs.getBytes("data")))
                .optional();
    }

    int discardUnattached(Instant before) {
        return jdbc.sql("delete from photo where owner_id is null and uploaded_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    static Long[] ids(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}

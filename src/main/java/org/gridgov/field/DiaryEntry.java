package org.gridgov.field;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridgov.photo.StoredPhoto;

/**
 * A worker's field diary entry (民情日志) of one day.
 *
 * @param editable whether the caller may still change it: its author, on its day
 */
public record DiaryEntry(
        long id,
        long userId,
        String authorName,
        String gridCode,
        String gridName,
        LocalDate day,
        String seen,
        String done,
        Double lon,
        Double lat,
        List<StoredPhoto> photos,
        int version,
        Instant createdAt,
        Instant updatedAt,
        boolean editable) {

    public DiaryEntry {
        photos = List.copyOf(photos);
    }
}

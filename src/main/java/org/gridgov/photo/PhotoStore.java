package org.gridgov.photo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.Unscoped;
import org.gridgov.photo.internal.PhotoShelf;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photo store other modules keep their records' photos in. A photo is uploaded first, unattached, and a record
 * then takes it ({@link #attach}), within a day, or it is discarded; it is read only through its record, so the owning module checks that the caller
 * may see the record before it asks. Accepted: JPEG, PNG and WebP by their first bytes, up to
 * {@value PhotoShelf#MAX_BYTES} bytes, {@value PhotoShelf#MAX_PER_OWNER} per record.
 */
@Component
@Unscoped("the owning module names the county and the record the caller may see")
public class PhotoStore {

    private final PhotoShelf shelf;

    PhotoStore(PhotoShelf shelf) {
        this.shelf = shelf;
    }

    /**
     * Keeps an uploaded photo, not yet taken by a record.
     *
     * @throws org.gridgov.common.ProblemException 400 naming {@code file}: {@code required}, {@code too-large},
     *     {@code type}
     */
    public StoredPhoto upload(String countyCode, String ownerType, long uploadedBy, MultipartFile file) {
        return shelf.upload(countyCode, ownerType, uploadedBy, file);
    }

    /**
     * Makes a record's photos exactly {@code photoIds}: each one the record's already or uploaded by {@code uploadedBy}
     * for this type of record and not yet taken; the record's others are removed.
     *
     * @throws org.gridgov.common.ProblemException 422 naming {@code field} when a photo is none of those, or too many
     */
    public List<StoredPhoto> attach(
            String countyCode,
            String ownerType,
            long ownerId,
            long uploadedBy,
            Collection<Long> photoIds,
            String field) {
        return shelf.attach(countyCode, ownerType, ownerId, uploadedBy, photoIds, field);
    }

    /** The photos of some records of one type, by record. */
    public Map<Long, List<StoredPhoto>> photosOf(String countyCode, String ownerType, Collection<Long> ownerIds) {
        return shelf.photosOf(countyCode, ownerType, ownerIds);
    }

    /** A photo of a record, when it is that record's. */
    public Optional<PhotoContent> content(String countyCode, String ownerType, long ownerId, long photoId) {
        return shelf.content(countyCode, ownerType, ownerId, photoId);
    }
}

package org.gridgov.photo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.ProblemException;
import org.gridgov.common.Unscoped;
import org.gridgov.photo.PhotoContent;
import org.gridgov.photo.StoredPhoto;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Checks and keeps photos for {@link org.gridgov.photo.PhotoStore}. */
@Component
@Unscoped("serves PhotoStore, whose callers name the county and a record the caller may see")
@Transactional
public class PhotoShelf {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_PER_OWNER = 9;

    /** The accepted types by the bytes their files begin with; {@code -1} matches any byte. */
    private static final Map<String, int[]> SIGNATURES = Map.of(
            "image/jpeg", new int[] {0xFF, 0xD8, 0xFF},
            "image/png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/webp", new int[] {'R', 'I', 'F', 'F', -1, -1, -1, -1, 'W', 'E', 'B', 'P'});

    private final PhotoRepository photos;
    private final Clock clock;

    PhotoShelf(PhotoRepository photos, Clock clock) {
        this.photos = photos;
        this.clock = clock;
    }

    public StoredPhoto upload(String county, String ownerType, long by, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "required", "请选择照片", "a photo file is required");
        }
        if (file.getSize() > MAX_BYTES) {
            throw ProblemException.invalid("file", "too-large", "照片不能超过 5 MB", "a photo may be at most 5 MB");
        }
        byte[] data;
        try {
            data = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = imageType(data);
        if (type == null) {
            throw ProblemException.invalid(
                    "file", "type", "只接受 JPEG、PNG 或 WebP 图片", "only JPEG, PNG or WebP images are accepted");
        }
        return photos.insert(county, ownerType, filename(file.getOriginalFilename()), type, data, by, clock.instant());
    }

    public List<StoredPhoto> attach(
            String county, String ownerType, long ownerId, long by, Collection<Long> photoIds, String field) {
        var wanted = new LinkedHashSet<Long>(photoIds == null ? List.of() : photoIds);
        wanted.remove(null);
        if (wanted.size() > MAX_PER_OWNER) {
            throw refused(field, "too-many", "最多 9 张照片", "at most 9 photos");
        }
        Long[] ids = PhotoRepository.ids(wanted);
        if (!new HashSet<>(photos.takeable(county, ownerType, ownerId, by, ids)).containsAll(wanted)) {
            throw refused(field, "unknown-photo", "照片不存在或不是您上传的", "a photo does not exist or is not yours");
        }
        photos.take(county, ownerType, ownerId, ids);
        return photosOf(county, ownerType, List.of(ownerId)).getOrDefault(ownerId, List.of());
    }

    @Transactional(readOnly = true)
    public Map<Long, List<StoredPhoto>> photosOf(String county, String ownerType, Collection<Long> ownerIds) {
        var byOwner = new LinkedHashMap<Long, List<StoredPhoto>>();
        if (ownerIds.isEmpty()) {
            return byOwner;
        }
        for (var photo : photos.ofOwners(county, ownerType, PhotoRepository.ids(ownerIds))) {
            byOwner.computeIfAbsent(photo.ownerId(), k -> new java.util.ArrayList<>())
                    .add(photo);
        }
        return byOwner;
    }

    @Transactional(readOnly = true)
    public Optional<PhotoContent> content(String county, String ownerType, long ownerId, long photoId) {
        return photos.content(county, ownerType, ownerId, photoId);
    }

    public int discardUnattached(Instant before) {
        return photos.discardUnattached(before);
    }

    /** The image type by the file's signature; null when it is none of the accepted ones. */
    static String imageType(byte[] data) {
        for (var entry : SIGNATURES.entrySet()) {
            int[] signature = entry.getValue();
            boolean matches = data.length >= signature.length;
            for (int i = 0; matches && i < signature.length; i++) {
                matches = signature[i] < 0 || (data[i] & 0xff) == signature[i];
            }
            if (matches) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The last path segment of a client's file name, shortened; never a path. */
    private static String filename(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip().replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = "photo";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static ProblemException refused(String field, String code, String message, String messageEn) {
        return ProblemException.unprocessable(
                message, messageEn, List.of(new FieldProblem(field, code, message, messageEn)));
    }
}

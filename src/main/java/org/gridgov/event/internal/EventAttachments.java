package org.gridgov.event.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of an event: the reporter and the holding organization add them (JPEG, PNG or WebP, up to 5 MB, 9 per
 * event); whoever may see the event may see them. The type is judged by the file's first bytes, not its name.
 */
@Service
@Transactional
public class EventAttachments {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PER_EVENT = 9;

    private final AttachmentRepository attachments;
    private final EventRepository events;
    private final EventScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    EventAttachments(
            AttachmentRepository attachments,
            EventRepository events,
            EventScope scope,
            CurrentUsers users,
            Clock clock) {
        this.attachments = attachments;
        this.events = events;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    /** A photo's record, without its bytes. */
    public record Attachment(
            long id,
            long eventId,
            String filename,
            String contentType,
            int size,
            String uploadedBy,
            Instant uploadedAt) {}

    /** A photo's bytes and type. */
    public record Photo(String contentType, byte[] data) {}

    /** Whether the caller may add photos to the event: its reporter, or the holding or handling organization. */
    static boolean mayAdd(Event event, org.gridgov.identity.CurrentUser user) {
        boolean reporter = java.util.Objects.equals(event.reporterUserId, user.id());
        // The handling organization keeps adding photos after its feedback hands the event back to the center.
        boolean involved = event.holderOrg.equals(user.organizationCode())
                || java.util.Objects.equals(event.handlerOrg, user.organizationCode());
        return reporter || involved;
    }

    public Attachment add(long eventId, MultipartFile file) {
        var user = users.require();
        var event = visible(eventId);
        if (!mayAdd(event, user)) {
            throw ProblemException.forbidden(
                    "只有上报人、持有单位和承办单位可以添加照片",
                    "Only the reporter, the holding and the handling organization may add photos");
        }
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "required", "请选择照片", "a photo file is required");
        }
        if (file.getSize() > MAX_BYTES) {
            throw ProblemException.invalid("file", "too-large", "照片不能超过 5 MB", "a photo may be at most 5 MB");
        }
        byte[] data = bytes(file);
        String type = imageType(data);
        if (type == null) {
            throw ProblemException.invalid(
                    "file", "type", "只接受 JPEG、PNG 或 WebP 图片", "only JPEG, PNG or WebP images are accepted");
        }
        if (attachments.count(eventId) >= MAX_PER_EVENT) {
            throw ProblemException.invalid("file", "too-many", "每个事件最多 9 张照片", "at most 9 photos per event");
        }
        String name = filename(file.getOriginalFilename());
        long id = attachments.insert(eventId, name, type, data, user.id(), user.username(), clock.instant());
        return new Attachment(id, eventId, name, type, data.length, user.username(), clock.instant());
    }

    public PageResult<Attachment> list(long eventId, PageQuery page) {
        visible(eventId);
        return PageResult.of(attachments.list(eventId, page), page, attachments.count(eventId));
    }

    public Photo photo(long eventId, long attachmentId) {
        visible(eventId);
        return attachments
                .content(eventId, attachmentId)
                .map(c -> new Photo(c.contentType(), c.data()))
                .orElseThrow(() -> ProblemException.notFound("照片不存在", "No such photo"));
    }

    private Event visible(long eventId) {
        return scope.visible(eventId, users.require());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image type by the file's signature; null when it is none of the accepted ones. */
    static String imageType(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 8
                && (d[0] & 0xff) == 0x89
                && d[1] == 'P'
                && d[2] == 'N'
                && d[3] == 'G'
                && d[4] == 0x0D
                && d[5] == 0x0A
                && d[6] == 0x1A
                && d[7] == 0x0A) {
            return "image/png";
        }
        if (d.length >= 12
                && d[0] == 'R'
                && d[1] == 'I'
                && d[2] == 'F'
                && d[3] == 'F'
                && d[8] == 'W'
                && d[9] == 'E'
                && d[10] == 'B'
                && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** The last path segment of a client's file name, shortened; never a path. */
    private static String filename(String original) {
        String name = original == null ? "photo" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            name = "photo";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}

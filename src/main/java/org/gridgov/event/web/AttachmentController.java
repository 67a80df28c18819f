package org.gridgov.event.web;

import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.event.internal.EventAttachments;
import org.gridgov.event.internal.EventAttachments.Attachment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photos of an event: add one (multipart field {@code file}), list them, fetch one. */
@RestController
@RequestMapping("/api/events/{id}/attachments")
class AttachmentController {

    private final EventAttachments attachments;

    AttachmentController(EventAttachments attachments) {
        this.attachments = attachments;
    }

    /** The file is optional in the signature so that the permission is checked before the body is judged. */
    @PostMapping
    @RequiresPermission(Permissions.EVENT_READ)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment add(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        return attachments.add(id, file);
    }

    @GetMapping
    @RequiresPermission(Permissions.EVENT_READ)
    PageResult<Attachment> list(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return attachments.list(id, PageQuery.of(page, size));
    }

    @GetMapping("/{attachmentId}")
    @RequiresPermission(Permissions.EVENT_READ)
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long attachmentId) {
        var photo = attachments.photo(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.data());
    }
}

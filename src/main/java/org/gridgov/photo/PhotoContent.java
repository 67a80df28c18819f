package org.gridgov.photo;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A photo's bytes and type, to send to someone allowed to see its record. */
public record PhotoContent(String contentType, byte[] data) {

    /** The photo as an answer: its own type, never sniffed as another, cached by the browser that asked only. */
    public ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(data);
    }
}

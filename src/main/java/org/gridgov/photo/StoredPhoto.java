package org.gridgov.photo;

import java.time.Instant;

/** A photo's record, without its bytes; {@code ownerId} is null until a record takes it. */
public record StoredPhoto(
        long id, String ownerType, Long ownerId, String filename, String contentType, int size, Instant uploadedAt) {}

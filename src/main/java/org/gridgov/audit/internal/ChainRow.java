package org.gridgov.audit.internal;

import java.time.Instant;

/** One audit record exactly as stored, the input of its hash. */
record ChainRow(
        long id,
        Instant recordedAt,
        Long userId,
        String username,
        String roles,
        String organization,
        String action,
        String objectType,
        String objectId,
        String result,
        String purpose,
        String detail,
        String clientAddress,
        String inputProblems,
        byte[] prevHash,
        byte[] hash) {}

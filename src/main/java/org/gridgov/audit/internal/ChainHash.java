package org.gridgov.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** SHA-256 over the previous hash and an unambiguous encoding of one record's stored fields. */
final class ChainHash {

    /** Raised whenever the encoding changes, so that old and new records can never hash alike by accident. */
    private static final byte FORMAT = 1;

    /** What the first record links to; a record's own hash is never all zeros in practice. */
    private static final byte[] GENESIS = new byte[32];

    private ChainHash() {}

    static byte[] of(byte[] prevHash, ChainRow row) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        sha.update(prevHash == null ? GENESIS : prevHash);
        sha.update(encode(row));
        return sha.digest();
    }

    /**
     * Each field as a 4-byte length (-1 for null) and its bytes: numbers as 8 bytes big-endian, text as UTF-8, so
     * that no two different rows encode alike (moving characters between neighbouring fields changes a length).
     */
    static byte[] encode(ChainRow row) {
        var out = new Encoder();
        out.room(1).put(FORMAT);
        out.number(row.id());
        out.number(micros(row.recordedAt()));
        out.number(row.userId());
        out.text(row.username());
        out.text(row.roles());
        out.text(row.organization());
        out.text(row.action());
        out.text(row.objectType());
        out.text(row.objectId());
        out.text(row.result());
        out.text(row.purpose());
        out.text(row.detail());
        out.text(row.clientAddress());
        out.text(row.inputProblems());
        return out.bytes();
    }

    /** PostgreSQL keeps microseconds, so the hash must not see finer digits that the stored row has lost. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    private static final class Encoder {
        private ByteBuffer buffer = ByteBuffer.allocate(512);

        void number(Long value) {
            if (value == null) {
                room(4).putInt(-1);
            } else {
                room(12).putInt(Long.BYTES).putLong(value);
            }
        }

        void text(String value) {
            if (value == null) {
                room(4).putInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            room(4 + utf8.length).putInt(utf8.length).put(utf8);
        }

        private ByteBuffer room(int needed) {
            if (buffer.remaining() < needed) {
                var bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + needed));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
            return buffer;
        }

        byte[] bytes() {
            var result = new byte[buffer.position()];
            buffer.get(0, result);
            return result;
        }
    }
}

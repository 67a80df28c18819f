package org.gridgov.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A photo's type is judged by its first bytes, never by its name or the type the client claims. */
class PhotoTypeTests {

    private static byte[] bytes(int... values) {
        var data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return data;
    }

    @Test
    void jpegPngAndWebpAreKnownByTheirSignatures() {
        assertThat(PhotoShelf.imageType(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
        assertThat(PhotoShelf.imageType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))
                .isEqualTo("image/png");
        assertThat(PhotoShelf.imageType(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P')))
                .isEqualTo("image/webp");
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(PhotoShelf.imageType("<svg onload=alert(1)>".getBytes())).isNull();
        assertThat(PhotoShelf.imageType(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E')))
                .isNull();
        assertThat(PhotoShelf.imageType(bytes(0xFF, 0xD8))).isNull();
        assertThat(PhotoShelf.imageType(new byte[0])).isNull();
    }
}

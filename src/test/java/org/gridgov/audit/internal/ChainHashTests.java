package org.gridgov.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainHashTests {

    static ChainRow row(String username, String roles, String detail, Instant at) {
        return new ChainRow(
                7,
                at,
                42L,
                username,
                roles,
                "org",
                "WRITE",
                "grid",
                "1",
                "SUCCESS",
                null,
                detail,
                "10.0.0.1",
                null,
                null,
                null);
    }

    static final Instant AT = Instant.parse("2025-03-01T08:00:00.123456Z");

    @Test
    void movingTextBetweenNeighbouringFieldsChangesTheHash() {
        assertThat(ChainHash.of(null, row("ab", "c", "d", AT)))
                .isNotEqualTo(ChainHash.of(null, row("a", "bc", "d", AT)));
    }

    @Test
    void nullAndEmptyTextHashDifferently() {
        assertThat(ChainHash.of(null, row("a", null, "d", AT))).isNotEqualTo(ChainHash.of(null, row("a", "", "d", AT)));
    }

    @Test
    void theHashDependsOnThePreviousOne() {
        byte[] first = ChainHash.of(null, row("a", "b", "c", AT));
        assertThat(ChainHash.of(first, row("a", "b", "c", AT))).isNotEqualTo(first);
    }

    @Test
    void timeCountsInMicrosecondsAsTheDatabaseKeepsIt() {
        assertThat(ChainHash.micros(AT)).isEqualTo(1_740_816_000_123_456L);
        assertThat(ChainHash.micros(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo(-1L);
    }

    @Test
    void aRecordHashesTheSameEveryTime() {
        assertThat(ChainHash.hex(ChainHash.of(new byte[32], row("张三", "r", "d", AT))))
                .isEqualTo(ChainHash.hex(ChainHash.of(new byte[32], row("张三", "r", "d", AT))))
                .hasSize(64);
    }
}

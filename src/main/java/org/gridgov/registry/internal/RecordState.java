package org.gridgov.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.gridgov.common.ProblemException;

/** What every registry record carries beside its own fields: when it was checked and changed, version, retirement. */
record RecordState(Instant verifiedAt, Instant updatedAt, int version, Instant retiredAt, String retiredReason) {

    static final String COLUMNS = "verified_at, updated_at, version, retired_at, retired_reason";

    static RecordState of(ResultSet rs) throws SQLException {
        return new RecordState(
                instant(rs.getTimestamp("verified_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getInt("version"),
                instant(rs.getTimestamp("retired_at")),
                rs.getString("retired_reason"));
    }

    /** Refuses a change to a retired record (409). */
    static void requireActive(RecordState state, String what) {
        requireActive(state.retiredAt(), what);
    }

    /** Refuses a change to a record retired at {@code retiredAt} (409); null means it is active. */
    static void requireActive(Instant retiredAt, String what) {
        if (retiredAt != null) {
            throw ProblemException.conflict(what + "已注销，不能修改", "The record is retired");
        }
    }

    /** The 409 of a change made on a stale version or to a record retired meanwhile. */
    static ProblemException stale(String what, String whatEn) {
        return ProblemException.conflict(
                what + "已注销或已被他人修改，请刷新后重试", "The " + whatEn + " is retired or changed meanwhile; reload");
    }

    boolean retired() {
        return retiredAt != null;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

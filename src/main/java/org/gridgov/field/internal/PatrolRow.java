package org.gridgov.field.internal;

import java.time.Duration;
import java.time.Instant;
import org.gridgov.common.ProblemException;
import org.gridgov.field.PatrolMove;
import org.gridgov.field.PatrolStatus;

/** A patrol as stored; its moves are guarded by the table in {@link PatrolMove}. */
record PatrolRow(
        String countyCode,
        long id,
        String requestId,
        long userId,
        String workerName,
        String gridCode,
        PatrolStatus status,
        Instant startedAt,
        Instant pausedAt,
        Instant stoppedAt,
        long pausedMs,
        double distanceMetres,
        Double coverage,
        int pointCount,
        Integer maxSeq,
        Integer tipSeq,
        Instant tipAt,
        Double tipLon,
        Double tipLat) {

    /**
     * The status a move leads to from this patrol's.
     *
     * @throws ProblemException 409 when the patrol's status does not allow it
     */
    PatrolStatus after(PatrolMove move) {
        if (!status.allows(move)) {
            throw ProblemException.conflict(
                    "巡查" + status.label() + "，不能" + label(move),
                    "The patrol is " + status.name().toLowerCase() + ": it cannot "
                            + move.name().toLowerCase());
        }
        return move.to();
    }

    private static String label(PatrolMove move) {
        return switch (move) {
            case START -> "开始";
            case PAUSE -> "暂停";
            case RESUME -> "继续";
            case STOP -> "结束";
        };
    }

    /** Time on patrol up to the stop, or up to {@code now} while it runs, pauses left out. */
    long movingSeconds(Instant now) {
        Instant end =
                stoppedAt != null ? stoppedAt : status == PatrolStatus.PAUSED && pausedAt != null ? pausedAt : now;
        return Math.max(
                0, Duration.between(startedAt, end).minusMillis(pausedMs).toSeconds());
    }

    TrackWalk.Tip tip() {
        return tipSeq == null ? null : new TrackWalk.Tip(tipSeq, tipAt, tipLon, tipLat);
    }

    PatrolRow moved(PatrolStatus to, Instant newPausedAt, Instant newStoppedAt, long newPausedMs) {
        return new PatrolRow(
                countyCode,
                id,
                requestId,
                userId,
                workerName,
                gridCode,
                to,
                startedAt,
                newPausedAt,
                newStoppedAt,
                newPausedMs,
                distanceMetres,
                coverage,
                pointCount,
                maxSeq,
                tipSeq,
                tipAt,
                tipLon,
                tipLat);
    }

    /** This patrol with a stretch of track added, or walked again in full. */
    PatrolRow tracked(double distance, Double newCoverage, int points, Integer newMaxSeq, TrackWalk.Tip tip) {
        return new PatrolRow(
                countyCode,
                id,
                requestId,
                userId,
                workerName,
                gridCode,
                status,
                startedAt,
                pausedAt,
                stoppedAt,
                pausedMs,
                distance,
                newCoverage,
                points,
                newMaxSeq,
                tip == null ? null : tip.seq(),
                tip == null ? null : tip.at(),
                tip == null ? null : tip.lon(),
                tip == null ? null : tip.lat());
    }
}

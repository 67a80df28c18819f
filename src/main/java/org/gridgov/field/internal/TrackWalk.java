package org.gridgov.field.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules that decide which points of a track count and how far the worker went: points in sequence order, each
 * counted unless too inaccurate, recorded while paused or outside the patrol's time, or implying an impossible speed
 * from the last counted point (a GPS jump); distances are great-circle (haversine) between consecutive counted points,
 * and a pause between two points breaks the track, so that a ride home during a pause is not patrol distance.
 */
final class TrackWalk {

    static final short COUNTED = 0;
    static final short INACCURATE = 1;
    static final short TOO_FAST = 2;
    static final short OUT_OF_TIME = 3;

    /** Mean earth radius (IUGG), metres; the CGCS2000 ellipsoid differs by well under the GPS error at these scales. */
    static final double EARTH_RADIUS = 6_371_008.8;

    /** How far a device's clock may run from the patrol's span before its points stop counting. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    private TrackWalk() {}

    /** A point as the walk sees it. */
    record Step(int seq, Instant at, double lon, double lat, int accuracy) {}

    /** The last counted point, where the next segment starts. */
    record Tip(int seq, Instant at, double lon, double lat) {}

    /** A pause of the patrol, {@code to} null while it lasts. */
    record Span(Instant from, Instant to) {
        /** Whether a point recorded at an instant was recorded during the pause (the instant it began is before it). */
        boolean contains(Instant at) {
            return at.isAfter(from) && (to == null || at.isBefore(to));
        }

        /**
         * Whether the pause began between two points (at the first one's instant or after, before the second's), so
         * that the way from one to the other does not count.
         */
        boolean between(Instant first, Instant second) {
            return !from.isBefore(first) && from.isBefore(second);
        }
    }

    /** The limits a point must keep to count. */
    record Limits(double maxAccuracy, double maxSpeed) {}

    /** What a walk found: the metres added, the tip it ended on and each step's flag, in the order walked. */
    record Result(double metres, Tip tip, short[] flags) {}

    /**
     * Walks steps (sorted by sequence number) on from a tip (null at the start of the track), within the patrol's span
     * {@code [start, end]} (end null while it runs, then the server's now).
     */
    static Result walk(Tip from, List<Step> steps, List<Span> pauses, Instant start, Instant end, Limits limits) {
        var flags = new short[steps.size()];
        Tip tip = from;
        double metres = 0;
        Instant earliest = start.minus(CLOCK_SLACK);
        Instant latest = end.plus(CLOCK_SLACK);
        for (int i = 0; i < steps.size(); i++) {
            var s = steps.get(i);
            if (s.at().isBefore(earliest)
                    || s.at().isAfter(latest)
                    || (tip != null && s.seq() <= tip.seq())
                    || pauses.stream().anyMatch(p -> p.contains(s.at()))) {
                flags[i] = OUT_OF_TIME;
                continue;
            }
            if (s.accuracy() > limits.maxAccuracy()) {
                flags[i] = INACCURATE;
                continue;
            }
            if (tip != null) {
                Tip last = tip;
                boolean broken = pauses.stream().anyMatch(p -> p.between(last.at(), s.at()));
                if (!broken) {
                    double d = metres(tip.lon(), tip.lat(), s.lon(), s.lat());
                    double seconds =
                            Math.max(1, Duration.between(tip.at(), s.at()).toMillis() / 1000.0);
                    if (d / seconds > limits.maxSpeed()) {
                        flags[i] = TOO_FAST;
                        continue;
                    }
                    metres += d;
                }
            }
            flags[i] = COUNTED;
            tip = new Tip(s.seq(), s.at(), s.lon(), s.lat());
        }
        return new Result(metres, tip, flags);
    }

    /** The great-circle distance between two points in degrees, metres (haversine). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

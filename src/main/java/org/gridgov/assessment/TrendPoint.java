package org.gridgov.assessment;

/**
 * A subject's result in one period of a trend.
 *
 * @param period the period's key, 2026-11, 2026-Q4 or 2026
 * @param score null when the subject was not assessed then (nothing to count, or not there yet)
 * @param rank the competition rank among the subjects of its type in its county; null when not assessed
 * @param of how many subjects were ranked
 * @param frozen from a closed period
 */
public record TrendPoint(String period, Double score, Grade grade, String veto, Integer rank, int of, boolean frozen) {

    public static TrendPoint of(String period, Score s) {
        return new TrendPoint(period, s.score(), s.grade(), s.veto(), s.rank(), s.of(), s.frozen());
    }

    public static TrendPoint notAssessed(String period) {
        return new TrendPoint(period, null, null, null, null, 0, false);
    }
}

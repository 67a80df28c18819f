package org.gridgov.assessment;

import java.util.List;

/**
 * A subject's result for a period.
 *
 * @param subject the subject's key, {@code TYPE:code} (a region code, a department's code, a worker's account id)
 * @param regionCode where the subject lies, for scope and drill-down
 * @param baseScore the score from the indicators; null when nothing could be counted (not assessed)
 * @param adjustment the approved 加分 / 扣分 of the period
 * @param score the base score with the adjustments, between 0 and 100
 * @param veto why a 一票否决 rule made the grade 不合格, or null
 * @param rank the competition rank among the subjects listed (1 is best; equal scores share a rank)
 * @param of how many subjects were ranked
 * @param change places gained since the previous period (negative: lost); null when not ranked then
 * @param bulletin among the bottom three of the ranking, with any who tie with them (通报)
 * @param frozen from a closed period
 */
public record Score(
        String subject,
        SubjectType type,
        String name,
        String regionCode,
        Double baseScore,
        double adjustment,
        Double score,
        Grade grade,
        String veto,
        Integer rank,
        int of,
        Integer change,
        boolean bulletin,
        boolean frozen,
        List<Figure> indicators) {

    public Score {
        indicators = List.copyOf(indicators);
    }

    public boolean assessed() {
        return baseScore != null;
    }

    /** This score with another grade. */
    public Score graded(Grade other) {
        return new Score(
                subject,
                type,
                name,
                regionCode,
                baseScore,
                adjustment,
                score,
                other,
                veto,
                rank,
                of,
                change,
                bulletin,
                frozen,
                indicators);
    }

    /** This score with its place in a ranking. */
    public Score ranked(Integer place, int ranked, Integer gained, boolean named) {
        return new Score(
                subject,
                type,
                name,
                regionCode,
                baseScore,
                adjustment,
                score,
                grade,
                veto,
                place,
                ranked,
                gained,
                named,
                frozen,
                indicators);
    }
}

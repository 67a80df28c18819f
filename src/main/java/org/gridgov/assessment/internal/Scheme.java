package org.gridgov.assessment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.assessment.Grade;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.SubjectType;

/**
 * How the scores of one subject type are made, from a period on: weights of the shares, points off per count, the
 * grade thresholds, the largest share of subjects that may be 优秀, the monthly report quota, and the 一票否决 rules.
 *
 * @param regionCode the region the scheme is for; empty for the whole deployment
 * @param effectiveFrom the first day of the first period it applies to
 * @param excellentShare the largest share of assessed subjects graded 优秀 (0.2 = 20 %), null for no limit
 * @param reportQuota reports expected of a worker a month (a quarter expects three times as many, a year twelve)
 */
record Scheme(
        long id,
        String regionCode,
        SubjectType subjectType,
        LocalDate effectiveFrom,
        Map<Indicator, Double> weights,
        Map<Indicator, Double> penalties,
        double excellentMin,
        double goodMin,
        double passMin,
        Double excellentShare,
        int reportQuota,
        List<Veto> vetoes) {

    /**
     * A 一票否决 rule: an event of a category reported in the subject's area ({@code CATEGORY}, {@code code}), or at
     * least {@code atLeast} red cards ({@code RED_CARDS}), makes the grade 不合格 whatever the score.
     */
    record Veto(String kind, String code, Integer atLeast) {}

    Grade gradeOf(double score) {
        if (score >= excellentMin) {
            return Grade.EXCELLENT;
        }
        if (score >= goodMin) {
            return Grade.GOOD;
        }
        return score >= passMin ? Grade.PASS : Grade.FAIL;
    }

    double weight(Indicator indicator) {
        return weights.getOrDefault(indicator, 0.0);
    }

    double penalty(Indicator indicator) {
        return penalties.getOrDefault(indicator, 0.0);
    }
}

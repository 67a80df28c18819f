package org.gridgov.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gridgov.assessment.Figure;
import org.gridgov.assessment.Grade;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.Score;
import org.gridgov.assessment.SubjectType;

/**
 * Scores, grades and ranks from counted items and a scheme. The base score is the weighted mean of the scored shares
 * (a share with an empty base drops out and its weight goes to the others), less the points off per count, never
 * below 0; approved adjustments are added to it (kept within 0–100); a 一票否决 rule makes the grade 不合格; at most
 * the scheme's share of the assessed subjects (but at least one) are 优秀, the lowest of the others becoming 良好.
 */
final class Scoring {

    private Scoring() {}

    /**
     * A subject of a group.
     *
     * @param key {@code TYPE:code}
     * @param workers how many workers the report quota is multiplied by (a region counts its grids)
     */
    record Subject(String key, SubjectType type, String code, String name, String regionCode, int workers) {}

    /** A subject's figures before grading. */
    record Counted(Subject subject, List<Figure> figures, Double base, String veto) {}

    static Counted count(Scheme scheme, Subject subject, List<Item> items, int months) {
        return count(scheme, subject, items, Map.of(), months);
    }

    /**
     * Counts a subject's figures: those of events from its items, those of base data as given ({@code direct}:
     * numerator and denominator by indicator; an indicator missing there has nothing to count).
     */
    static Counted count(Scheme scheme, Subject subject, List<Item> items, Map<Indicator, long[]> direct, int months) {
        var figures = new ArrayList<Figure>();
        double weighted = 0;
        double weights = 0;
        double penalties = 0;
        var valued = new ArrayList<double[]>();
        for (var indicator : Indicator.values()) {
            if (!indicator.appliesTo(subject.type())) {
                continue;
            }
            long base = 0;
            long numerator = 0;
            if (indicator.countsEvents()) {
                for (var item : items) {
                    if (Counting.inBase(indicator, item)) {
                        base++;
                        numerator += Counting.counted(indicator, item);
                    }
                }
            } else if (direct.containsKey(indicator)) {
                numerator = direct.get(indicator)[0];
                base = direct.get(indicator)[1];
            }
            long denominator = indicator.kind() == Indicator.Kind.QUOTA
                    ? (long) scheme.reportQuota() * months * subject.workers()
                    : base;
            Double value = null;
            Double scored = null;
            switch (indicator.kind()) {
                case RATE, INVERSE_RATE -> {
                    if (denominator > 0) {
                        value = 100.0 * numerator / denominator;
                        scored = indicator.kind() == Indicator.Kind.RATE ? value : 100 - value;
                    }
                }
                case QUOTA -> {
                    value = (double) numerator;
                    if (denominator > 0) {
                        scored = Math.min(100.0, 100.0 * numerator / denominator);
                    }
                }
                default -> value = (double) numerator;
            }
            double weight =
                    indicator.kind() == Indicator.Kind.PENALTY ? scheme.penalty(indicator) : scheme.weight(indicator);
            if (scored != null && weight > 0 && indicator.kind() != Indicator.Kind.PENALTY) {
                weighted += weight * scored;
                weights += weight;
            }
            if (indicator.kind() == Indicator.Kind.PENALTY) {
                penalties += weight * numerator;
            }
            valued.add(new double[] {indicator.ordinal(), scored == null ? Double.NaN : scored});
            figures.add(new Figure(
                    indicator,
                    indicator.label(),
                    indicator.labelEn(),
                    indicator.kind(),
                    numerator,
                    denominator,
                    value == null ? null : round(value),
                    weight,
                    0));
        }
        // Contributions need the total weight of the shares that could be counted, known only now.
        for (int i = 0; i < figures.size(); i++) {
            var f = figures.get(i);
            double scored = valued.get(i)[1];
            double contribution = 0;
            if (f.kind() == Indicator.Kind.PENALTY) {
                contribution = -f.weight() * f.numerator();
            } else if (f.kind() != Indicator.Kind.INFO && !Double.isNaN(scored) && weights > 0) {
                contribution = f.weight() * scored / weights;
            }
            figures.set(
                    i,
                    new Figure(
                            f.indicator(),
                            f.label(),
                            f.labelEn(),
                            f.kind(),
                            f.numerator(),
                            f.denominator(),
                            f.value(),
                            f.weight(),
                            round(contribution)));
        }
        Double base = weights > 0 ? round(Math.max(0, weighted / weights - penalties)) : null;
        return new Counted(subject, figures, base, veto(scheme, items, figures));
    }

    private static String veto(Scheme scheme, List<Item> items, List<Figure> figures) {
        for (var rule : scheme.vetoes()) {
            if ("CATEGORY".equals(rule.kind()) && rule.code() != null) {
                var hits = items.stream()
                        .filter(i -> !i.isDispatch() || !i.handling().returned())
                        .map(Item::event)
                        .filter(e -> rule.code().equals(e.categoryCode()) && !e.rejected() && !e.merged())
                        .toList();
                if (!hits.isEmpty()) {
                    return "一票否决：发生“" + hits.getFirst().categoryName() + "”事件 " + hits.size() + " 起";
                }
            }
            if ("RED_CARDS".equals(rule.kind()) && rule.atLeast() != null) {
                long red = figures.stream()
                        .filter(f -> f.indicator() == Indicator.RED_CARDS)
                        .mapToLong(Figure::numerator)
                        .sum();
                if (red >= rule.atLeast()) {
                    return "一票否决：红牌 " + red + " 张（达到 " + rule.atLeast() + " 张）";
                }
            }
        }
        return null;
    }

    /**
     * Grades a group (every subject of one type in one county, or every county): adjustments added, thresholds, vetoes,
     * then the share limit of 优秀 over the whole group. Ranks are left to {@link #rank}, over the subjects shown.
     */
    static List<Score> grade(Scheme scheme, List<Counted> group, Map<String, Double> adjustments, boolean frozen) {
        var scores = new ArrayList<Score>();
        for (var c : group) {
            double adjustment = adjustments.getOrDefault(c.subject().key(), 0.0);
            Double score = c.base() == null ? null : round(Math.max(0, Math.min(100, c.base() + adjustment)));
            Grade grade = score == null ? null : c.veto() != null ? Grade.FAIL : scheme.gradeOf(score);
            scores.add(new Score(
                    c.subject().key(),
                    c.subject().type(),
                    c.subject().name(),
                    c.subject().regionCode(),
                    c.base(),
                    adjustment,
                    score,
                    grade,
                    c.veto(),
                    null,
                    0,
                    null,
                    false,
                    frozen,
                    c.figures()));
        }
        if (scheme.excellentShare() != null) {
            long assessed = scores.stream().filter(Score::assessed).count();
            // At least one may be 优秀 wherever any subject is, however small the group.
            long allowed = Math.max(1, (long) Math.floor(assessed * scheme.excellentShare() + 1e-9));
            var excellent = scores.stream()
                    .filter(s -> s.grade() == Grade.EXCELLENT)
                    .sorted(Comparator.comparing(Score::score).reversed())
                    .toList();
            for (var s : excellent.subList((int) Math.min(allowed, excellent.size()), excellent.size())) {
                scores.set(scores.indexOf(s), s.graded(Grade.GOOD));
            }
        }
        return scores;
    }

    /**
     * Ranks the subjects shown, best first (equal scores share a rank, the next rank skips), unassessed ones last and
     * unranked; marks the bottom three for the bulletin (all who tie with them too) and the places gained since the
     * previous period.
     */
    static List<Score> rank(List<Score> scores, Map<String, Integer> previousRanks) {
        var sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing((Score s) -> s.score() == null ? -1 : s.score())
                .reversed()
                .thenComparing(Score::name, Comparator.nullsLast(Comparator.naturalOrder())));
        int of = (int) sorted.stream().filter(Score::assessed).count();
        // Equal scores are named together: a subject is in the bottom three when fewer than three score lower.
        double thirdLowest = of > 3 ? sorted.get(of - 3).score() : -1;
        var ranked = new ArrayList<Score>();
        Integer rank = null;
        Double last = null;
        for (int i = 0; i < sorted.size(); i++) {
            var s = sorted.get(i);
            if (!s.assessed()) {
                ranked.add(s.ranked(null, of, null, false));
                continue;
            }
            if (!s.score().equals(last)) {
                rank = i + 1;
                last = s.score();
            }
            var previous = previousRanks.get(s.subject());
            boolean bottom = of > 3 && s.score() <= thirdLowest;
            ranked.add(s.ranked(rank, of, previous == null ? null : previous - rank, bottom));
        }
        return ranked;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

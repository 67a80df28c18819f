package org.gridgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.assessment.Grade;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.Score;
import org.gridgov.assessment.SubjectType;
import org.gridgov.event.EventFact;
import org.gridgov.event.EventStatus;
import org.junit.jupiter.api.Test;

/** The scoring rules on their own: weights, points off, empty bases, vetoes, the share of 优秀, ranks and 通报. */
class ScoringTests {

    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");

    private static Scheme scheme(
            Map<Indicator, Double> weights, Map<Indicator, Double> penalties, Double share, List<Scheme.Veto> vetoes) {
        return new Scheme(
                1,
                "",
                SubjectType.GRID,
                LocalDate.of(2000, 1, 1),
                new EnumMap<>(weights),
                penalties.isEmpty() ? Map.of() : new EnumMap<>(penalties),
                90,
                75,
                60,
                share,
                4,
                vetoes);
    }

    private static EventFact event(
            EventStatus status, boolean accepted, int lateSteps, int red, Integer rating, String category) {
        return new EventFact(
                1,
                "S",
                "t",
                "421381101001101",
                7L,
                "GRID_WORKER",
                category,
                "类别" + category,
                AT,
                status,
                accepted,
                false,
                false,
                false,
                lateSteps,
                0,
                0,
                red,
                rating,
                List.of());
    }

    private static Scoring.Subject grid(String code) {
        return new Scoring.Subject("GRID:" + code, SubjectType.GRID, code, "网格" + code, code, 1);
    }

    @Test
    void aShareWithNothingToCountDropsOutAndItsWeightGoesToTheOthers() {
        var scheme =
                scheme(Map.of(Indicator.CLOSE_RATE, 50.0, Indicator.SATISFACTION, 50.0), Map.of(), null, List.of());
        // Two cases, one closed; nobody rated: satisfaction has no base, so the score is the closing rate alone.
        var items = List.of(
                new Item(event(EventStatus.CLOSED, true, 0, 0, null, "A"), null),
                new Item(event(EventStatus.CLAIMED, true, 0, 0, null, "A"), null));
        var counted = Scoring.count(scheme, grid("421381101001101"), items, 1);
        assertThat(counted.base()).isEqualTo(50.0);
        var satisfaction = counted.figures().stream()
                .filter(f -> f.indicator() == Indicator.SATISFACTION)
                .findFirst()
                .orElseThrow();
        assertThat(satisfaction.value()).isNull();
        assertThat(satisfaction.contribution()).isZero();
    }

    @Test
    void pointsOffPerCountAreTakenFromTheWeightedMeanNeverBelowZero() {
        var scheme = scheme(Map.of(Indicator.CLOSE_RATE, 100.0), Map.of(Indicator.RED_CARDS, 30.0), null, List.of());
        var one = Scoring.count(
                scheme, grid("1"), List.of(new Item(event(EventStatus.CLOSED, true, 1, 1, null, "A"), null)), 1);
        assertThat(one.base()).isEqualTo(70.0);
        var many = Scoring.count(
                scheme, grid("1"), List.of(new Item(event(EventStatus.CLOSED, true, 1, 5, null, "A"), null)), 1);
        assertThat(many.base()).isZero();
    }

    @Test
    void aSubjectWithNoWeightedFigureIsNotAssessedAndNotRanked() {
        var scheme = scheme(Map.of(Indicator.CLOSE_RATE, 100.0), Map.of(), null, List.of());
        var graded = Scoring.grade(scheme, List.of(Scoring.count(scheme, grid("1"), List.of(), 1)), Map.of(), false);
        var ranked = Scoring.rank(graded, Map.of());
        assertThat(ranked.getFirst().assessed()).isFalse();
        assertThat(ranked.getFirst().rank()).isNull();
        assertThat(ranked.getFirst().grade()).isNull();
    }

    @Test
    void vetoesMakeTheGradeFailWhateverTheScore() {
        var byCategory = scheme(
                Map.of(Indicator.CLOSE_RATE, 100.0),
                Map.of(),
                null,
                List.of(new Scheme.Veto("CATEGORY", "ZZ0301", null)));
        var items = List.of(new Item(event(EventStatus.CLOSED, true, 0, 0, null, "ZZ0301"), null));
        var graded =
                Scoring.grade(byCategory, List.of(Scoring.count(byCategory, grid("1"), items, 1)), Map.of(), false);
        assertThat(graded.getFirst().score()).isEqualTo(100.0);
        assertThat(graded.getFirst().grade()).isEqualTo(Grade.FAIL);
        assertThat(graded.getFirst().veto()).contains("类别ZZ0301");

        var byRedCards = scheme(
                Map.of(Indicator.CLOSE_RATE, 100.0), Map.of(), null, List.of(new Scheme.Veto("RED_CARDS", null, 3)));
        var two = List.of(new Item(event(EventStatus.CLOSED, true, 1, 2, null, "A"), null));
        var three = List.of(new Item(event(EventStatus.CLOSED, true, 1, 3, null, "A"), null));
        assertThat(Scoring.count(byRedCards, grid("1"), two, 1).veto()).isNull();
        assertThat(Scoring.count(byRedCards, grid("1"), three, 1).veto()).contains("红牌 3 张");
    }

    @Test
    void atMostTheSchemesShareAreExcellentTheLowestOfTheOthersBecomeGood() {
        var scheme = scheme(Map.of(Indicator.CLOSE_RATE, 100.0), Map.of(), 0.2, List.of());
        var group = new ArrayList<Scoring.Counted>();
        // Ten grids scoring 100, 99, ..., 91: all above 90, but only two of ten may be 优秀.
        for (int i = 0; i < 10; i++) {
            group.add(new Scoring.Counted(grid("g" + i), List.of(), 100.0 - i, null));
        }
        var graded = Scoring.grade(scheme, group, Map.of(), false);
        assertThat(graded.stream().filter(s -> s.grade() == Grade.EXCELLENT).map(Score::score))
                .containsExactlyInAnyOrder(100.0, 99.0);
        assertThat(graded.stream().filter(s -> s.grade() == Grade.GOOD)).hasSize(8);
    }

    @Test
    void equalScoresShareARankAndTheBottomThreeIncludeAllWhoTieWithThem() {
        var scheme = scheme(Map.of(Indicator.CLOSE_RATE, 100.0), Map.of(), null, List.of());
        var group = new ArrayList<Scoring.Counted>();
        double[] scores = {90, 80, 80, 70, 60, 60, 60};
        for (int i = 0; i < scores.length; i++) {
            group.add(new Scoring.Counted(grid("g" + i), List.of(), scores[i], null));
        }
        var ranked = Scoring.rank(Scoring.grade(scheme, group, Map.of(), false), Map.of("GRID:g3", 6));
        assertThat(ranked).extracting(Score::rank).containsExactly(1, 2, 2, 4, 5, 5, 5);
        assertThat(ranked).extracting(Score::bulletin).containsExactly(false, false, false, false, true, true, true);
        assertThat(ranked.get(3).change()).isEqualTo(2);
        assertThat(ranked.getFirst().change()).isNull();
    }

    @Test
    void anInverseShareCountsAsWhatIsLeftOfAHundred() {
        var scheme = scheme(Map.of(Indicator.REWORK, 100.0), Map.of(), null, List.of());
        var reworked = new EventFact(
                1,
                "S",
                "t",
                "1",
                null,
                "HOTLINE",
                "A",
                "a",
                AT,
                EventStatus.CLOSED,
                true,
                false,
                false,
                true,
                0,
                0,
                0,
                0,
                null,
                List.of());
        var clean = event(EventStatus.CLOSED, true, 0, 0, null, "A");
        var counted = Scoring.count(
                scheme,
                grid("1"),
                List.of(new Item(reworked, null), new Item(clean, null), new Item(clean, null), new Item(clean, null)),
                1);
        assertThat(counted.base()).isCloseTo(75.0, within(0.001));
    }
}

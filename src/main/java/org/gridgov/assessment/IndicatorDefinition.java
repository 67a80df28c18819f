package org.gridgov.assessment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An indicator as a scheme's editor needs it: its names, how it counts, and which subject types have it. */
public record IndicatorDefinition(
        Indicator indicator, String label, String labelEn, Indicator.Kind kind, Set<SubjectType> subjectTypes) {

    public static IndicatorDefinition of(Indicator indicator) {
        return new IndicatorDefinition(
                indicator,
                indicator.label(),
                indicator.labelEn(),
                indicator.kind(),
                Arrays.stream(SubjectType.values())
                        .filter(indicator::appliesTo)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SubjectType.class))));
    }
}

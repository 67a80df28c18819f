package org.gridgov.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One indicator of one subject: its value with what it was counted from, and what it added to the score.
 *
 * @param value a share in per cent or a count; null where the base is empty (nothing to count), and then the weight is
 *     spread over the others
 * @param denominator the base of a share, the target of a quota, the items looked at for a count
 * @param weight the scheme's weight of a share or quota, or its points off per count
 * @param contribution the points this indicator added to the score (negative for points off)
 */
public record Figure(
        Indicator indicator,
        String label,
        String labelEn,
        Indicator.Kind kind,
        long numerator,
        long denominator,
        Double value,
        double weight,
        double contribution) {

    /** Whether the figure counts events, which its events list shows; registry figures count base data. */
    @JsonProperty("countsEvents")
    public boolean countsEvents() {
        return indicator.countsEvents();
    }
}
